package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tenants benchmark end to end at a tiny size on PostgreSQL (2 tenants x 20 machines x 500
 * sales): the tables' shape, and every tenant's rows in its own schema. With the streaming
 * replica of {@code scripts/pg-replica.sh} (port 5433) up, or under {@code CI=true} where it must
 * be, the reads also run on the replica. Asserts shapes and counts, never a time.
 */
class TenantBenchmarkTest {
  private static final String REPLICA = System.getProperty("restock.test.postgres.replica-url",
      "jdbc:postgresql://127.0.0.1:5433/test");

  @Test
  void aTinyRunKeepsEachTenantsRowsInItsOwnSchemaAndPrintsEveryRow() throws Exception {
    requirePostgres();
    boolean replica = replicaUp();
    List<String> args = new ArrayList<>(List.of("--tenants", "--tenant-count", "2",
        "--machines", "20", "--sales", "500", "--reads", "3"));
    if (replica) {
      args.addAll(List.of("--replica", REPLICA));
    }
    TenantBenchmark.Report report = TenantBenchmark.run(args.toArray(String[]::new));

    assertThat(cells(report.load().get(0))).containsExactly("run", "tenant", "fleet (s)",
        "order (ms)", "vs alone", "sales/s", "vs alone", "4 reads (ms)", "vs alone");
    assertThat(report.load()).hasSize(5);
    assertThat(cells(report.load().get(1)).subList(0, 2)).containsExactly("alone", "alone");
    assertThat(cells(report.load().get(1)).get(4)).isEqualTo("1.00x");
    assertThat(cells(report.load().get(2)).subList(0, 2)).containsExactly("parallel", "t01");
    assertThat(cells(report.load().get(3)).subList(0, 2)).containsExactly("parallel", "t02");
    assertThat(cells(report.load().get(4)).subList(0, 2)).containsExactly("total", "2");
    for (String row : report.load().subList(1, 5)) {
      assertThat(Double.parseDouble(cells(row).get(5))).as("sales/s in " + row).isPositive();
    }

    assertThat(report.reads()).hasSize(5);
    assertThat(cells(report.reads().get(1)).subList(0, 2)).containsExactly("alone", "alone");
    List<String> all = cells(report.reads().get(4));
    assertThat(all.subList(0, 2)).containsExactly("reads/s", "all");
    assertThat(Double.parseDouble(all.get(2))).isPositive();
    assertThat(report.replica()).isEqualTo(replica);
    if (replica) {
      // every read unit either served by the replica or counted as sent to the primary
      assertThat(Long.parseLong(all.get(5))).as("reads the replica served").isPositive();
      assertThat(Long.parseLong(all.get(7))).as("fell back").isZero();
    } else {
      assertThat(all.get(3)).isEqualTo("-");
    }

    // 20 machines x 80 slots, 500 sales and the one route's order, in each tenant's own schema
    assertThat(report.counts()).containsOnlyKeys("alone", "t01", "t02");
    report.counts().forEach((tenant, c) -> assertThat(c).as(tenant)
        .isEqualTo(new TenantBenchmark.SchemaCounts(20, 1600, 500, 1)));
  }

  @Test
  void badOptionsAreRefusedTogetherBeforeAnythingRuns() throws Exception {
    requirePostgres();
    long before = benchDatabases();
    assertThatThrownBy(() -> TenantBenchmark.run("--tenants", "--tenant-count", "0",
        "--machines", "10", "--sales", "801", "--threads", "x", "--replica", "postgres://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tenant-count must be 1..99, not 0")
        .hasMessageContaining("--sales must be 1..800")
        .hasMessageContaining("--threads takes a whole number, not 'x'")
        .hasMessageContaining("--replica must be jdbc:postgresql://");
    assertThat(benchDatabases()).as("no database made").isEqualTo(before);
  }

  private static long benchDatabases() throws SQLException {
    try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "select count(*) from pg_database where datname like 'restock_bench_tn_%'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
        .map(String::strip).toList();
  }

  /**
   * Whether the replica answers in recovery; as the replica tests decide, under
   * {@code CI=true} (where {@code .ci/run} starts it) its absence fails the test.
   */
  private static boolean replicaUp() {
    String problem;
    try (Connection c = DriverManager.getConnection(REPLICA, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select pg_is_in_recovery()")) {
      r.next();
      problem = r.getBoolean(1) ? null : REPLICA + " answers but is not a replica";
    } catch (SQLException e) {
      problem = "no replica at " + REPLICA + ": " + e.getMessage();
    }
    if (problem != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(problem + "; in CI the replica must run (scripts/pg-replica.sh"
          + " start)");
    }
    return problem == null;
  }

  private static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "")) {
      c.isValid(2);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL must answer in CI: " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL is not reachable; SKIPPED: " + e.getMessage());
    }
  }
}
