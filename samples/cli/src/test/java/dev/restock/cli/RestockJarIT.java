package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the packaged {@code restock.jar} as a user would, on the JDK running the build and on the
 * JDK 25 installed beside it where there is one: a normal run prints its output and nothing on
 * stderr (no log lines, no JVM warnings).
 */
class RestockJarIT {
  @TempDir Path dir;

  static Stream<String> javaHomes() {
    List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
    Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    if (Files.isExecutable(jdk25.resolve("bin/java")) && !homes.contains(jdk25.toString())) {
      homes.add(jdk25.toString());
    }
    return homes.stream();
  }

  record Result(int code, String out, String err) {}

  private Result run(String javaHome, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(),
        "-jar", System.getProperty("restock.jar")));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("restock finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void theDemoPrintsOnlyItsOutputAndRunsTwice(String javaHome) throws Exception {
    Result first = run(javaHome, "demo");
    assertThat(first.code()).as(first.err()).isZero();
    // a new database gets its key file beside it, and says so once; nothing else on stderr
    assertThat(first.err().lines().toList()).as("stderr on " + javaHome).singleElement(
        org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("created key file ");
    assertThat(dir.resolve("restock.db.keys")).exists();
    assertThat(first.out()).startsWith("Restock demo on jpa-sqlite:")
        .contains("Pick list for route DEMO-1");
    assertThat(dir.resolve("restock.db")).exists();

    Result second = run(javaHome, "demo");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("javaHomes")
  void badInputPrintsOneLinePerProblemAndNoStackTrace(String javaHome) throws Exception {
    run(javaHome, "demo");
    Result bad = run(javaHome, "product", "add", "--sku", "", "--name", "X", "--price", "-1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines().toList()).containsExactly(
        "error: sku: must not be empty", "error: price: must not be negative (was -1)");
  }
}
