package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restock user erase} erasing, as an operator runs it: separate processes on one SQLite
 * file whose personal fields are encrypted with the keys of {@code RESTOCK_KEYS_FILE} (the only
 * way the tool is given keys, so this test starts processes).
 */
class UserEraseProcessTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        RestockCli.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--db", dir.resolve("restock.db").toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().remove("RESTOCK_DB_URL");
    builder.environment().remove("RESTOCK_KEYS");
    builder.environment().put("RESTOCK_KEYS_FILE", dir.resolve("restock.keys").toString());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("restock %s ended", args[0]).isTrue();
    return new Run(process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Run ok(String... args) throws Exception {
    Run run = run(args);
    assertThat(run.code()).as(run.err()).isZero();
    return run;
  }

  @Test
  void anAdministratorErasesADriverWhoseEmailIsThenFree() throws Exception {
    KeyFileKeyProvider.create(dir.resolve("restock.keys"));
    ok("init");
    ok("user", "add", "--username", "ada", "--email", "ada@example.com", "--role", "ADMIN");
    ok("user", "add", "--username", "dave", "--email", "dave@example.com", "--role", "DRIVER");

    Run erased = ok("user", "erase", "dave", "--reason", "request 17");
    assertThat(erased.out()).contains("erased dave").contains("@erased.invalid");
    assertThat(ok("user", "list").out()).doesNotContain("dave@example.com")
        .contains("@erased.invalid");

    Run again = run("user", "erase", "dave", "--reason", "request 18");
    assertThat(again.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(again.err()).contains("erased already");

    ok("user", "add", "--username", "dave2", "--email", "dave@example.com", "--role", "DRIVER");
    assertThat(ok("audit", "verify").out()).startsWith("intact:");
  }
}
