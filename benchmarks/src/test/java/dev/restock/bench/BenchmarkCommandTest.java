package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command end to end at a tiny scale (10 machines), on SQLite and on PostgreSQL
 * when a server answers on 127.0.0.1:5432. Asserts the shape of the table, never a time.
 */
class BenchmarkCommandTest {

  @Test
  void aTinyRunPrintsEveryWriteScenarioWithAPositiveFloor() throws Exception {
    String databases = postgresReachable() ? "sqlite,postgresql" : "sqlite";
    List<String> table = run("--scale", "0.005", "--db", databases, "--catalog", "1000",
        "--cold-runs", "1", "--cli-jar", "target/no-such-tool.jar");

    List<String> header = cells(table.get(0));
    assertThat(header).contains("work", "engine", "baseline", "floor", "engine/baseline",
        "engine/floor");
    int floor = header.indexOf("floor");
    int work = header.indexOf("work");
    for (String db : databases.equals("sqlite") ? List.of("SQLite")
        : List.of("SQLite", "PostgreSQL")) {
      for (String scenario : List.of("1. order for one route", "2. ")) {
        List<String> row = table.stream().map(BenchmarkCommandTest::cells)
            .filter(r -> r.get(0).equals(db) && r.get(1).startsWith(scenario)
                && !r.get(1).contains("statements"))
            .findFirst().orElseThrow(() -> new AssertionError("no row '" + scenario + "' for "
                + db + " in\n" + String.join("\n", table)));
        assertThat(Double.parseDouble(row.get(floor))).as(db + " " + scenario + " floor")
            .isPositive();
        assertThat(row.get(work)).as(db + " " + scenario + " work").isNotBlank();
      }
    }
  }

  /** The table the command prints last: the lines from its header to the end. */
  private static List<String> run(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      BenchmarkCommand.main(args);
    } finally {
      System.setOut(original);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    original.println(String.join("\n", lines));
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("| database")) {
        header = i;
      }
    }
    assertThat(header).as("a table header in the output").isNotNegative();
    List<String> table = new ArrayList<>(lines.subList(header, lines.size()));
    table.removeIf(l -> !l.startsWith("|") || l.startsWith("|-"));
    return table;
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
        .map(String::strip).toList();
  }

  private static boolean postgresReachable() {
    try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
