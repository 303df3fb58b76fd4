package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress shows on a terminal only; tests force it on to see the steps. */
class ToolProgressTest {
  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @AfterEach
  void unforce() {
    Progress.forced = false;
  }

  @Test
  void withoutATerminalNothingIsPrinted() {
    StringWriter err = new StringWriter();
    Progress progress = Progress.of(new PrintWriter(err), "restoring");
    progress.count(3, 12, "tables");
    progress.done();
    assertThat(progress.enabled()).isFalse();
    assertThat(err.toString()).isEmpty();

    String db = dir.resolve("restock.db").toString();
    ToolRun demo = ToolRun.of("demo", "--db", db);
    assertThat(demo.code()).as(demo.toString()).isZero();
    // a new database gets its key file, and the one line saying so is not progress
    assertThat(demo.err().lines().toList()).singleElement(
        org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("created key file ");
    ToolRun backup = ToolRun.of("backup", "--to", dir.resolve("b").toString(), "--db", db);
    assertThat(backup.code()).as(backup.toString()).isZero();
    assertThat(backup.err()).isEmpty();
  }

  @Test
  void forcedProgressPrintsEachStepOnStderrOnly() throws java.io.IOException {
    Progress.forced = true;
    StringWriter err = new StringWriter();
    Progress progress = Progress.of(new PrintWriter(err), "restoring");
    progress.count(3, 12, "tables");
    progress.step("verifying");
    progress.done();
    assertThat(err.toString().lines()).containsExactly("restoring: 3/12 tables",
        "restoring: verifying");

    String db = dir.resolve("restock.db").toString();
    ToolRun demo = ToolRun.of("demo", "--db", db);
    assertThat(demo.code()).as(demo.toString()).isZero();
    assertThat(demo.err()).contains("demo: setting up the fleet").contains("demo: recording sales")
        .containsPattern("demo: (\\d+)/\\1 visits completed");
    assertThat(demo.out()).doesNotContain("demo: setting up");

    Path backups = dir.resolve("b");
    ToolRun backup = ToolRun.of("backup", "--to", backups.toString(), "--db", db);
    assertThat(backup.code()).as(backup.toString()).isZero();
    assertThat(backup.err()).contains("backup: copying").contains("backup: done");

    ToolRun verify = ToolRun.of("audit", "verify", "--db", db);
    assertThat(verify.err()).contains("verify: walking the history chain")
        .contains("revisions checked");

    String file = backup.out().replaceAll("(?s)^backup (\\S+) .*", "$1").strip();
    ToolRun restore = ToolRun.of("restore", "--from", file, "--allow-unsigned", "--db",
        dir.resolve("copy.db").toString());
    assertThat(restore.code()).as(restore.toString()).isZero();
    assertThat(restore.err()).contains("restore: checking the backup").contains("tables");

    // the imports: files read, rows checked, the one unit of work
    Path fleet = dir.resolve("fleet.csv");
    java.nio.file.Files.writeString(fleet, "kind,code,name,visit_days\nroute,PROG,Progress,7\n");
    ToolRun imported = ToolRun.of("import", "fleet", fleet.toString(), "--db", db);
    assertThat(imported.code()).as(imported.toString()).isZero();
    assertThat(imported.err()).contains("import fleet: reading fleet.csv")
        .contains("import fleet: checking 1 row(s)")
        .contains("import fleet: writing in one unit of work");
    Path read = dir.resolve("empty.csv");
    java.nio.file.Files.writeString(read, "serial,read_at,selection,price,vends,value\n");
    ToolRun sales = ToolRun.of("sales", "import", read.toString(), "--format", "csv",
        "--db", db);
    assertThat(sales.err()).contains("sales import: 1/1 files read")
        .contains("sales import: checking and writing in one unit of work");
  }
}
