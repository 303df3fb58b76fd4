package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code restock user erase USER --reason R}: its refusals, each with the tool's exit code and
 * error line and nothing written (no user changed, no revision added).
 */
class UserEraseCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  /** Ada, the only administrator, Mia, a manager, and Dave, a driver. */
  @BeforeEach
  void database() {
    ok(run("init"));
    ok(run("user", "add", "--username", "ada", "--email", "ada@example.com", "--role", "ADMIN"));
    ok(run("user", "add", "--username", "mia", "--email", "mia@example.com", "--role",
        "MANAGER"));
    ok(run("user", "add", "--username", "dave", "--email", "dave@example.com", "--role",
        "DRIVER"));
  }

  private static void ok(Run run) {
    assertThat(run.code()).as(run.err()).isZero();
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(dir.resolve("restock.db").toString());
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("restock.db"));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** What a refusal must leave as it was: revisions, and users active with their versions. */
  private List<Long> written() throws Exception {
    return List.of(count("select count(*) from audit_revision"),
        count("select count(*) from app_user where active = 1"),
        count("select coalesce(sum(version), 0) from app_user"));
  }

  @Test
  void withoutAReasonNothingIsErased() throws Exception {
    List<Long> before = written();

    for (String[] args : List.of(new String[] {"user", "erase", "dave"},
        new String[] {"user", "erase", "dave", "--reason", "  "})) {
      Run refused = run(args);
      assertThat(refused.code()).isEqualTo(RestockCli.BAD_INPUT);
      assertThat(refused.err()).contains("--reason is required");
    }
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void theLastAdministratorIsNotErased() throws Exception {
    List<Long> before = written();

    Run refused = run("user", "erase", "ada", "--reason", "request 17");
    assertThat(refused.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(refused.err()).contains("cannot erase user ada").contains("last active administrator");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void onlyAnAdministratorErases() throws Exception {
    List<Long> before = written();

    Run refused = run("user", "erase", "dave", "--as", "mia", "--reason", "request 17");
    assertThat(refused.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(refused.err()).contains("permission denied").contains("user.erase");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void anUnknownUserIsNotFound() throws Exception {
    List<Long> before = written();

    Run refused = run("user", "erase", "nobody", "--reason", "request 17");
    assertThat(refused.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(refused.err()).contains("nobody");
    assertThat(written()).isEqualTo(before);
  }
}
