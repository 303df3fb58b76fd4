package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tool's side of who may administer and of its health report: the first administrator is
 * added without {@code --as} only on a database that never had one, the last one cannot leave,
 * {@code health} reports an unreachable database as DOWN with exit 1 as the README says, and no
 * password given in a URL is ever printed.
 */
class AdministrationCliTest {
  /** Nothing listens on port 1; the password must never be printed. */
  private static final String UNREACHABLE =
      "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  /** Only init (and demo) create a database; every test here starts on an empty one. */
  @org.junit.jupiter.api.BeforeEach
  void database() {
    Run init = run("init");
    org.assertj.core.api.Assertions.assertThat(init.code()).as(init.err()).isZero();
  }

  private String db() {
    return dir.resolve("restock.db").toString();
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--db")) {
      all.add("--db");
      all.add(db());
    }
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private Run addUser(String name, String role, String... more) {
    List<String> args = new ArrayList<>(List.of("user", "add", "--username", name, "--email",
        name + "@example.com", "--role", role));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void healthOfAnUnreachableDatabaseIsADownLineAndExitOne() {
    Run down = run("health", "--db", UNREACHABLE);

    assertThat(down.code()).as(down.err()).isEqualTo(1);
    assertThat(down.out()).startsWith("DOWN  jpa-postgresql:")
        .contains("problem: cannot open the database").contains("127.0.0.1:1")
        .contains("pool: 0 active");
    assertThat(down.out() + down.err()).doesNotContain("hunter2").doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void healthOfAnUnreachableDatabaseAsJson() throws Exception {
    Run down = run("health", "--json", "--db", UNREACHABLE);

    assertThat(down.code()).as(down.err()).isEqualTo(1);
    JsonNode h = new ObjectMapper().readTree(down.out());
    assertThat(h.get("up").asBoolean()).isFalse();
    assertThat(h.get("store").asText()).contains("127.0.0.1:1").contains("password=***");
    assertThat(h.get("problem").asText()).contains("cannot open the database");
    assertThat(down.out() + down.err()).doesNotContain("hunter2");
  }

  @Test
  void aBadDatabaseSettingIsStillBadInputForHealth() {
    Run bad = run("health", "--db", "jdbc:mysql://127.0.0.1/restock");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void theReadmeAndTheHelpPromiseWhatHealthDoes() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !(Files.exists(root.resolve("README.md"))
        && Files.isDirectory(root.resolve("engine-api")))) {
      root = root.getParent();
    }
    assertThat(root).as("the project root above " + Path.of("").toAbsolutePath()).isNotNull();
    String line = Files.readAllLines(root.resolve("README.md")).stream()
        .filter(l -> l.startsWith("restock health")).findFirst().orElseThrow();
    assertThat(line).contains("exit 1 when down");
    assertThat(String.join(" ", RestockCli.commandLine().getSubcommands().get("health")
        .getCommandSpec().usageMessage().description())).contains("Exit code 1 when down");
    // and the tool does it: see healthOfAnUnreachableDatabaseIsADownLineAndExitOne
    assertThat(run("health", "--db", UNREACHABLE).code()).isEqualTo(1);
  }

  @Test
  void anyErrorMessageOfTheToolMasksThePassword() {
    Run list = run("product", "list", "--db", UNREACHABLE);
    assertThat(list.code()).isNotZero();
    assertThat(list.err()).contains("cannot open the database").doesNotContain("hunter2");
    Run verbose = run("product", "list", "--verbose", "--db", UNREACHABLE);
    assertThat(verbose.err()).contains("\tat ").doesNotContain("hunter2");
  }

  @Test
  void theLastAdministratorCannotDeactivateThemselves() throws Exception {
    assertThat(addUser("ada", "ADMIN").code()).isZero();

    Run off = run("user", "deactivate", "ada");
    assertThat(off.code()).isEqualTo(1);
    assertThat(off.err()).contains("last active administrator");
    assertThat(count("select count(*) from app_user where active = 1 and role = 'ADMIN'"))
        .isEqualTo(1);
  }

  @Test
  void withoutAsNoAdministratorIsAddedOnceOneExisted() throws Exception {
    assertThat(addUser("ada", "ADMIN").code()).isZero();
    // a database whose only administrator was deleted by an older release
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      s.executeUpdate("update app_user set deleted_at = datetime('now') where username = 'ada'");
    }

    Run mallory = addUser("mallory", "ADMIN");
    assertThat(mallory.code()).isEqualTo(1);
    assertThat(mallory.err()).contains("permission denied").contains("administrator");
    assertThat(count("select count(*) from app_user where username = 'mallory'")).isZero();
  }

  @Test
  void ofConcurrentFirstAdministratorsExactlyOneIsAdded() throws Exception {
    assertThat(run("migrate", "apply", "--skip-backup").code()).isZero();
    int n = 4;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Run>> runs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String name = "admin" + i;
        runs.add(pool.submit(() -> {
          go.await();
          return addUser(name, "ADMIN");
        }));
      }
      go.countDown();
      List<Run> done = new ArrayList<>();
      for (Future<Run> f : runs) {
        done.add(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(done).filteredOn(r -> r.code() == 0).hasSize(1);
      assertThat(done).filteredOn(r -> r.code() != 0).hasSize(n - 1)
          .allSatisfy(r -> assertThat(r.err()).contains("permission denied"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("select count(*) from app_user where role = 'ADMIN'")).isEqualTo(1);
  }
}
