package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only init and demo create a database; --db memory and postgresql:// URLs. */
class ToolDatabaseCliTest {
  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private static ToolRun on(String db, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db);
    return ToolRun.of(all);
  }

  @Test
  void aReadCommandOnAMistypedPathRefusesAndCreatesNoFile() {
    Path typo = dir.resolve("restok.db");
    ToolRun run = on(typo.toString(), "product", "list");
    assertThat(run.code()).as(run.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(run.err()).contains("no database at " + typo + " (run 'restock init --db "
        + typo + "' first)");
    assertThat(run.out()).isEmpty();
    assertThat(typo).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void writeBackupAndMigrateCommandsRefuseAMissingFileToo() {
    Path missing = dir.resolve("missing.db");
    for (String[] command : new String[][] {
        {"user", "add", "--username", "ada", "--email", "ada@example.com", "--role", "ADMIN"},
        {"seed"}, {"health"}, {"history", "--actor", "system"}, {"migrate", "status"},
        {"migrate", "apply", "--skip-backup"}, {"audit", "verify"},
        {"backup", "--to", dir.resolve("backups").toString()}}) {
      ToolRun run = on(missing.toString(), command);
      assertThat(run.code()).as(String.join(" ", command) + ": " + run)
          .isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
      assertThat(run.err()).as(String.join(" ", command)).contains("no database at " + missing);
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void initCreatesTheDatabaseWithItsFirstAdministratorAndRefusesToRunTwice() {
    Path db = dir.resolve("ops.db");
    ToolRun init = on(db.toString(), "init", "--admin", "ada", "--email", "ada@example.com");
    assertThat(init.code()).as(init.toString()).isZero();
    assertThat(init.out()).contains("created").contains("schema version")
        .contains("first administrator: ada");
    assertThat(db).exists();

    ToolRun users = on(db.toString(), "user", "list");
    assertThat(users.code()).as(users.toString()).isZero();
    assertThat(users.out()).contains("ada").contains("ADMIN");
    ToolRun add = on(db.toString(), "product", "add", "--sku", "COLA", "--name", "Cola",
        "--price", "1.5");
    assertThat(add.code()).as(add.toString()).isZero();

    ToolRun again = on(db.toString(), "init");
    assertThat(again.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(again.err()).contains("exists already at " + db);
    assertThat(on(db.toString(), "product", "list").out()).contains("COLA");
  }

  @Test
  void initWithHalfAnAdministratorIsBadInputAndCreatesNothing() {
    Path db = dir.resolve("half.db");
    ToolRun run = on(db.toString(), "init", "--admin", "ada");
    assertThat(run.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(run.err()).contains("--admin").contains("--email");
    assertThat(db).doesNotExist();
  }

  @Test
  void theDemoCreatesItsOwnDatabaseAsTheQuickStart() {
    Path db = dir.resolve("fresh.db");
    ToolRun demo = on(db.toString(), "demo");
    assertThat(demo.code()).as(demo.toString()).isZero();
    assertThat(db).exists();
    assertThat(on(db.toString(), "route", "list").out()).contains("DEMO-1");
  }

  @Test
  void commandsThatNeedALastingDatabaseRefuseMemoryAndLeaveNoFileNamedMemory() {
    Path backup = dir.resolve("some.backup");
    for (String[] command : new String[][] {
        {"backup", "--to", dir.resolve("b").toString()}, {"restore", "--from", backup.toString()},
        {"migrate", "status"}, {"migrate", "history"}, {"migrate", "apply", "--skip-backup"},
        {"migrate", "rollback", "--backup-dir", dir.resolve("b").toString()}, {"init"}}) {
      ToolRun run = on("memory", command);
      assertThat(run.code()).as(String.join(" ", command) + ": " + run)
          .isEqualTo(RestockCli.BAD_INPUT);
      assertThat(run.err()).as(String.join(" ", command)).contains("--db memory");
    }
    assertThat(Path.of("memory")).doesNotExist();
    assertThat(dir).isEmptyDirectory();
    // and the ones that work on it keep working
    assertThat(on("memory", "product", "list").code()).isZero();
  }

  @Test
  void aPostgresqlUrlBecomesAJdbcUrlWithItsUserAndPasswordApart() {
    DatabaseOption.Url url = DatabaseOption.url(
        "postgresql://bob:p%40ss@db.example:6543/ops?sslmode=require");
    assertThat(url.jdbc()).isEqualTo("jdbc:postgresql://db.example:6543/ops?sslmode=require");
    assertThat(url.user()).isEqualTo("bob");
    assertThat(url.password()).isEqualTo("p@ss");
    DatabaseOption.Url bare = DatabaseOption.url("postgres://127.0.0.1/test");
    assertThat(bare.jdbc()).isEqualTo("jdbc:postgresql://127.0.0.1/test");
    assertThat(bare.user()).isNull();
    assertThat(DatabaseOption.url("jdbc:sqlite:x.db").jdbc()).isEqualTo("jdbc:sqlite:x.db");

    ToolRun noDatabase = on("postgresql://127.0.0.1", "product", "list");
    assertThat(noDatabase.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(noDatabase.err()).contains("--db").contains("postgresql://HOST");
  }

  @Test
  void onPostgresqlBothUrlFormsWorkAndAnEmptyDatabaseMustBeInitialisedFirst() throws Exception {
    String server = "jdbc:postgresql://127.0.0.1:5432/test";
    String database = "restock_cli_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 12);
    try (Connection c = DriverManager.getConnection(server, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    try {
      String url = "postgresql://postgres@127.0.0.1:5432/" + database;
      ToolRun before = on(url, "product", "list");
      assertThat(before.code()).as(before.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
      assertThat(before.err()).contains("no database at " + url);

      ToolRun init = on(url, "init", "--admin", "ada", "--email", "ada@example.com");
      assertThat(init.code()).as(init.toString()).isZero();
      assertThat(init.out()).contains("postgresql://127.0.0.1:5432/" + database)
          .contains("first administrator: ada");

      String jdbc = "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
      ToolRun add = on(jdbc, "product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1");
      assertThat(add.code()).as(add.toString()).isZero();
      ToolRun list = on(url, "product", "list");
      assertThat(list.code()).as(list.toString()).isZero();
      assertThat(list.out()).contains("COLA");
    } finally {
      try (Connection c = DriverManager.getConnection(server, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  @Test
  void aMissingFileIsNotCreatedByAJdbcSqliteUrlEither() {
    Path db = dir.resolve("x.db");
    ToolRun run = on("jdbc:sqlite:" + db, "stats");
    assertThat(run.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(Files.exists(db)).isFalse();
  }
}
