package dev.restock.jpa.bootstrap;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.DamagedDatabaseException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The start-up integrity check: the database's own check ({@link dev.restock.jpa.config.Database#integrityCheck()}),
 * run on a reading connection before migrations or anything else writes, so a damaged file is
 * refused while it is still as it was found.
 */
public final class IntegrityCheck {
  /** Problems named in the message; quick_check reports up to 100. */
  private static final int SHOWN = 5;

  private IntegrityCheck() {}

  /** @throws DamagedDatabaseException when the check reports a problem or cannot read the file */
  public static void run(JpaStoreConfig config, DataSource reads) {
    if (!config.integrityCheck() || config.database().integrityCheck().isEmpty()) {
      return;
    }
    String sql = config.database().integrityCheck().get();
    List<String> problems = new ArrayList<>();
    try (Connection c = reads.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        String row = r.getString(1);
        if (!"ok".equalsIgnoreCase(row)) {
          problems.add(row);
        }
      }
    } catch (SQLException e) {
      if (config.database().isDamage(e)) {
        // a page too damaged to walk makes the check itself fail
        throw damaged(config, sql, List.of(e.getMessage()), e);
      }
      throw new IllegalStateException("cannot check the integrity of " + config.jdbcUrl() + ": "
          + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw damaged(config, sql, problems, null);
    }
  }

  /** The refusal of a database the driver reported as damaged while opening it. */
  public static DamagedDatabaseException damagedOnOpen(JpaStoreConfig config, Throwable cause) {
    return damaged(config, "opening it", List.of(dev.restock.jpa.tx.Failures.rootMessage(cause)),
        cause);
  }

  private static DamagedDatabaseException damaged(JpaStoreConfig config, String sql,
      List<String> problems, Throwable cause) {
    String shown = String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
        + (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : "");
    return new DamagedDatabaseException("the database " + config.jdbcUrl() + " is damaged ("
        + sql + ": " + shown + "). It was not opened and nothing was written (integrity check: "
        + "quick_check). Restore it from a "
        + "backup ('restock backup restore'), or repair a copy (sqlite3's .recover) and open "
        + "that; restock.db.integrity-check=false opens it unchecked for export only.", cause);
  }
}
