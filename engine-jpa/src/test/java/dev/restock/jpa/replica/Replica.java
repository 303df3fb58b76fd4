package dev.restock.jpa.replica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The local streaming replica that {@code scripts/pg-replica.sh start} makes (port 5433) and the
 * primary it follows: reachability as the other PostgreSQL tests decide it (skip outside CI, fail
 * with {@code CI=true}), replay pause and resume, and waiting for replay.
 */
final class Replica {
  static final String PRIMARY = System.getProperty("restock.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test");
  static final String URL = System.getProperty("restock.test.postgres.replica-url",
      "jdbc:postgresql://127.0.0.1:5433/test");
  static final String USER = System.getProperty("restock.test.postgres.user", "postgres");
  /** How long replay may take to reach a position before a test gives up. */
  private static final Duration REPLAY_DEADLINE = Duration.ofSeconds(60);

  private Replica() {}

  /** Aborts (skips) the test when no replica answers in recovery, or fails it in CI. */
  static void require() {
    String problem;
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select pg_is_in_recovery()")) {
      r.next();
      problem = r.getBoolean(1) ? null : URL + " answers but is not in recovery (not a replica)";
    } catch (SQLException e) {
      problem = "no PostgreSQL replica at " + URL + " (" + e.getMessage() + ")";
    }
    if (problem == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(problem + "; in CI the replica tests must run: scripts/pg-replica.sh start");
    }
    Assumptions.abort(problem + "; start one with scripts/pg-replica.sh start. Replica tests "
        + "SKIPPED");
  }

  /** The replica's URL on {@code schema}. */
  static String url(String schema) {
    return URL + "?currentSchema=" + schema;
  }

  static void pauseReplay() throws SQLException {
    replica("select pg_wal_replay_pause()");
  }

  static void resumeReplay() throws SQLException {
    replica("select pg_wal_replay_resume()");
  }

  private static void replica(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Waits until the replica has replayed everything the primary had written when called: replay
   * runs in another process, so this polls it, up to a deadline.
   */
  static void awaitReplayed() throws SQLException, InterruptedException {
    String lsn;
    try (Connection c = DriverManager.getConnection(PRIMARY, USER, "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select cast(pg_current_wal_lsn() as text)")) {
      r.next();
      lsn = r.getString(1);
    }
    long deadline = System.nanoTime() + REPLAY_DEADLINE.toNanos();
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        PreparedStatement s = c.prepareStatement(
            "select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), cast(? as pg_lsn)) >= 0")) {
      s.setString(1, lsn);
      while (true) {
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          Assertions.fail("the replica did not replay up to " + lsn + " within "
              + REPLAY_DEADLINE.toSeconds() + " s");
        }
        Thread.sleep(10);
      }
    }
  }
}
