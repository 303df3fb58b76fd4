package dev.restock.jpa.bootstrap;

import dev.restock.jpa.config.Secrets;


import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.restock.api.ops.Health;
import dev.restock.api.ops.Statistics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hibernate.SessionFactory;

/** Health and statistics of a JPA store, from its pools, Flyway's history and Hibernate. */
public final class StoreOps {
  private StoreOps() {}

  public static Health health(String description, Pools pools) {
    long start = System.nanoTime();
    // SQLite's single write connection may be busy with a long unit of work; ask a reader
    javax.sql.DataSource probe = pools.separateReadPool() ? pools.read() : pools.write();
    Duration latency;
    String version;
    try (Connection c = probe.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("select 1")) {
        r.next();
      }
      latency = Duration.ofNanos(System.nanoTime() - start);
      version = schemaVersion(c);
    } catch (SQLException | RuntimeException e) {
      return new Health(false, description, Duration.ofNanos(System.nanoTime() - start), null,
          pool(pools), e.getMessage() == null ? e.getClass().getName() : Secrets.mask(e.getMessage()));
    }
    // figures after the probe went back to the pool, so they show the engine's own use
    return new Health(true, description, latency, version, pool(pools), null);
  }

  private static Health.PoolStatus pool(Pools pools) {
    int active = 0;
    int idle = 0;
    int waiting = 0;
    int max = 0;
    for (javax.sql.DataSource source : pools.separateReadPool()
        ? List.of(pools.write(), pools.read()) : List.of(pools.write())) {
      // the host's pool counts as it is: its figures include the host's own use
      HikariDataSource pool = hikari(source);
      if (pool == null) {
        continue;
      }
      HikariPoolMXBean bean = pool.getHikariPoolMXBean();
      if (bean != null) {
        active += bean.getActiveConnections();
        idle += bean.getIdleConnections();
        waiting += bean.getThreadsAwaitingConnection();
      }
      max += pool.getMaximumPoolSize();
    }
    return new Health.PoolStatus(active, idle, waiting, max);
  }

  private static HikariDataSource hikari(javax.sql.DataSource source) {
    try {
      return source.isWrapperFor(HikariDataSource.class)
          ? source.unwrap(HikariDataSource.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  public static Statistics statistics(SessionFactory sessionFactory) {
    var stats = sessionFactory.getStatistics();
    List<Statistics.QueryStatistic> slowest = Arrays.stream(stats.getQueries())
        .map(q -> {
          var qs = stats.getQueryStatistics(q);
          return new Statistics.QueryStatistic(q, qs.getExecutionCount(),
              qs.getExecutionMaxTime(), qs.getExecutionAvgTimeAsDouble());
        })
        .filter(q -> q.executions() > 0)
        .sorted(Comparator.comparingLong(Statistics.QueryStatistic::maxMillis).reversed())
        .limit(10).toList();
    return new Statistics(stats.getPrepareStatementCount(), stats.getSuccessfulTransactionCount(),
        stats.getEntityLoadCount(), stats.getEntityInsertCount(), stats.getEntityUpdateCount(),
        stats.getEntityDeleteCount(), stats.getQueryExecutionCount(), slowest,
        stats.getSecondLevelCacheHitCount(), stats.getSecondLevelCacheMissCount());
  }

  /** The latest successfully applied migration version of the database {@code c} is on, or null. */
  public static String schemaVersion(java.sql.Connection c) throws java.sql.SQLException {
    // Flyway creates its table with quoted lower-case names (H2 would upper-case them otherwise)
    try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(
        "select \"version\", \"success\" from \"restock_schema_history\""
            + " where \"version\" is not null order by \"installed_rank\" desc")) {
      while (r.next()) {
        if (r.getBoolean(2)) {
          return r.getString(1);
        }
      }
      return null;
    }
  }}
