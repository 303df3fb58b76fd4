package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What H2 backups rely on: SCRIPT inside a SERIALIZABLE transaction reads one snapshot of the
 * whole database, while under REPEATABLE READ each table's snapshot starts at its first read (so
 * a backup could mix moments: a CI run caught a chain-head row ahead of its revisions).
 */
class H2ScriptSnapshotTest {

  private static List<String> scriptAfterConcurrentInserts(int isolation) throws Exception {
    String url = "jdbc:h2:mem:snap" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection setup = DriverManager.getConnection(url, "sa", "");
        Statement s = setup.createStatement()) {
      s.execute("create table a (id int)");
      s.execute("create table b (id int)");
    }
    try (Connection backup = DriverManager.getConnection(url, "sa", "")) {
      backup.setAutoCommit(false);
      backup.setTransactionIsolation(isolation);
      List<String> inserts = new ArrayList<>();
      try (Statement s = backup.createStatement()) {
        try (ResultSet r = s.executeQuery("select count(*) from a")) {
          r.next();
        }
        try (Connection writer = DriverManager.getConnection(url, "sa", "");
            Statement w = writer.createStatement()) {
          w.execute("insert into a values (1)");
          w.execute("insert into b values (2)");
        }
        try (ResultSet r = s.executeQuery("SCRIPT")) {
          while (r.next()) {
            if (r.getString(1).startsWith("INSERT")) {
              inserts.add(r.getString(1));
            }
          }
        }
      }
      backup.commit();
      try (Statement s = backup.createStatement()) {
        s.execute("SHUTDOWN");
      }
      return inserts;
    }
  }

  @Test
  void scriptInASerializableTransactionSeesOneSnapshot() throws Exception {
    assertThat(scriptAfterConcurrentInserts(Connection.TRANSACTION_SERIALIZABLE)).isEmpty();
  }

  @Test
  void underRepeatableReadTablesFirstReadLaterShowLaterRows() throws Exception {
    assertThat(scriptAfterConcurrentInserts(Connection.TRANSACTION_REPEATABLE_READ))
        .hasSize(1).first().asString().contains("\"B\"");
  }
}
