package dev.restock.jpa.bootstrap;

import dev.restock.jpa.config.ReadReplica;
import dev.restock.jpa.config.ReplicaStatus;
import dev.restock.jpa.config.Secrets;
import dev.restock.jpa.tx.Failures;
import dev.restock.jpa.tx.ReadRouting;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where an outermost read-only unit of work runs when the store has a
 * {@link ReadReplica}: on the replica while its measured staleness is within the bound (and, with
 * read-your-writes, it has replayed this store's last write), else on the primary. The
 * measurement is cached for the replica's check interval; one reader at a time renews it, the
 * others go by the previous one meanwhile. See {@link ReadReplica} for the rules.
 */
public final class ReplicaRouting implements ReadRouting, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouting.class);
  /** Seconds a staleness query may take before the replica counts as not answering. */
  private static final int CHECK_TIMEOUT_SECONDS = 2;
  /**
   * The longest a measurement waits for a connection or an answer (milliseconds): readers do not
   * wait for it (they go to the primary once the verdict expires), but the reader measuring does.
   */
  static final int MEASURE_TIMEOUT_MS = 2000;
  /** Runs the network timeouts of measurement connections (pgjdbc does not use it). */
  private static final java.util.concurrent.Executor DIRECT = Runnable::run;
  /** Primary positions kept to tell when the replica was last current; one per measurement. */
  private static final int KEPT_POSITIONS = 16;

  private final ReadReplica replica;
  private final DataSource primary;
  private final DataSource pool;
  private final AutoCloseable closePool;
  private final ReentrantLock measuring = new ReentrantLock();
  /** The latest verdict; a newer generation always wins over an older one (see {@link #offer}). */
  private final java.util.concurrent.atomic.AtomicReference<Measurement> last =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** Raised by each failure, so that a measurement begun before it cannot overwrite it. */
  private final AtomicLong generation = new AtomicLong();
  /** When the replica was last seen holding everything the primary had then (nanoTime). */
  private volatile long seenCurrentAt;
  private volatile boolean seenCurrent;
  /** The primary's WAL positions at the latest measurements, oldest first; under the lock. */
  private final ArrayDeque<long[]> primaryPositions = new ArrayDeque<>();
  /** When this store's latest write unit ended (nanoTime); meaningful once {@link #written}. */
  private final AtomicLong lastWrite = new AtomicLong();
  private volatile boolean written;
  private final LongAdder replicaReads = new LongAdder();
  private final LongAdder primaryReads = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private final LongAdder checks = new LongAdder();

  /**
   * Measures the replica once, so that the first reads know where to go.
   *
   * @param primary the store's write pool, asked for the primary's WAL position
   * @param pool the replica's pool, closed with this routing
   */
  public ReplicaRouting(ReadReplica replica, DataSource primary, DataSource pool,
      AutoCloseable closePool) {
    this.replica = replica;
    this.primary = primary;
    this.pool = pool;
    this.closePool = closePool;
    offer(measure());
  }

  /**
   * The outcome of one measurement, taken at {@code at} (nanoTime), begun in failure
   * {@code generation}.
   */
  private record Measurement(long generation, long at, boolean usable, Duration staleness,
      String problem) {

    /**
     * Whether this verdict may still send reads to the replica at {@code now}: a replica
     * {@code staleness} behind at {@code at} is at most {@code staleness + (now - at)} behind
     * now, so a usable verdict holds only while that stays within {@code maxStaleness}.
     */
    boolean trustedAt(long now, Duration maxStaleness) {
      return usable && now - at < maxStaleness.minus(staleness).toNanos();
    }
  }

  /** Keeps {@code m} unless a failure newer than the moment it began is already recorded. */
  private Measurement offer(Measurement m) {
    return last.accumulateAndGet(m,
        (current, next) -> current == null || next.generation() >= current.generation()
            ? next : current);
  }

  /**
   * A replica connection for an outermost read-only unit, or null when it must run on the
   * primary. The caller reports how it went: {@link #served()} or {@link #failed}.
   */
  @Override
  public Connection readConnection() {
    Measurement m = measurement();
    if (!m.trustedAt(System.nanoTime(), replica.maxStaleness()) || (replica.readYourWrites() && !replayedOwnWrites())) {
      primaryReads.increment();
      return null;
    }
    try {
      return pool.getConnection();
    } catch (SQLException | RuntimeException e) {
      failed(e);
      return null;
    }
  }

  /**
   * Whether the replica was seen holding everything the primary had at a moment after this
   * store's last write ended, so that it holds that write too.
   */
  private boolean replayedOwnWrites() {
    return !written || (seenCurrent && seenCurrentAt - lastWrite.get() > 0);
  }

  /** A read-only unit ran on the replica. */
  @Override
  public void served() {
    replicaReads.increment();
  }

  /**
   * A read-only unit could not run on the replica for want of it (see {@link Failures#replicaUnavailable});
   * it runs again on the primary. Until the next measurement the replica is left alone.
   */
  @Override
  public void failed(Throwable failure) {
    fallbacks.increment();
    String problem = "failed during a read: " + Failures.rootMessage(failure);
    LOG.warn("read replica {} {}; the read runs again on the primary",
        Secrets.mask(replica.jdbcUrl()), Secrets.mask(problem));
    long g = generation.incrementAndGet();
    offer(new Measurement(g, System.nanoTime(), false, null, problem));
  }

  /** A read-write unit of this store ended (committed, or may have): later reads must see it. */
  @Override
  public void wrote() {
    long now = System.nanoTime();
    lastWrite.accumulateAndGet(now, (old, next) -> !written || next - old > 0 ? next : old);
    written = true;
  }

  /**
   * The verdict to route by: the last one while it is within the check interval and still
   * trusted, else a new measurement by this reader; while another reader measures, the last one
   * (which {@link #readConnection} does not use once it is no longer trusted: those reads go to
   * the primary until the measurement arrives).
   */
  private Measurement measurement() {
    Measurement m = last.get();
    if (!due(m, System.nanoTime())) {
      return m;
    }
    if (!measuring.tryLock()) {
      return m;
    }
    try {
      m = last.get();
      if (due(m, System.nanoTime())) {
        m = offer(measure());
      }
      return m;
    } finally {
      measuring.unlock();
    }
  }

  private boolean due(Measurement m, long now) {
    return now - m.at() >= replica.checkInterval().toNanos()
        || (m.usable() && !m.trustedAt(now, replica.maxStaleness()));
  }

  /** Measures now, whatever the interval; for operations and tests. */
  public ReplicaStatus checkNow() {
    measuring.lock();
    try {
      offer(measure());
    } finally {
      measuring.unlock();
    }
    return status();
  }

  private Measurement measure() {
    checks.increment();
    long g = generation.get();
    long asked = System.nanoTime();
    String primaryLsn;
    double primaryClock;
    // the insert position, not the write position: with synchronous_commit=off a commit is
    // visible before its WAL is written
    try (Connection c = measuringConnection(primary); Statement s = c.createStatement()) {
      s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
      try (ResultSet r = s.executeQuery("select cast(pg_current_wal_insert_lsn() as text),"
          + " extract(epoch from clock_timestamp())")) {
        r.next();
        primaryLsn = r.getString(1);
        primaryClock = r.getDouble(2);
      }
    } catch (SQLException | RuntimeException e) {
      return notUsable(g, asked, "cannot read the primary's WAL position: "
          + Failures.rootMessage(e));
    }
    try (Connection c = measuringConnection(pool); Statement s = c.createStatement()) {
      s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
      try (ResultSet r = s.executeQuery("select pg_is_in_recovery(),"
          + " cast(pg_last_wal_replay_lsn() as text),"
          + " extract(epoch from pg_last_xact_replay_timestamp())")) {
        r.next();
        if (!r.getBoolean(1)) {
          return notUsable(g, asked, "it is not in recovery: a primary, not a replica");
        }
        String replayText = r.getString(2);
        double replayedCommit = r.getDouble(3);
        boolean replayedAny = !r.wasNull();
        long answered = System.nanoTime();
        long replayed = replayText == null ? -1 : lsn(replayText);
        long primaryNow = lsn(primaryLsn);
        primaryPositions.addLast(new long[] {asked, primaryNow});
        if (primaryPositions.size() > KEPT_POSITIONS) {
          primaryPositions.removeFirst();
        }
        // the latest moment whose primary position the replica has replayed: it holds every
        // commit made before that moment (a write of this store included)
        for (long[] position : primaryPositions) {
          if (Long.compareUnsigned(position[1], replayed) <= 0 && replayed >= 0
              && (!seenCurrent || position[0] - seenCurrentAt > 0)) {
            seenCurrentAt = position[0];
            seenCurrent = true;
          }
        }
        if (replayed >= 0 && Long.compareUnsigned(primaryNow, replayed) <= 0) {
          return judged(g, asked, Duration.ZERO);
        }
        Duration staleness = replayedAny
            ? replayAge(primaryClock, asked, replayedCommit, answered) : null;
        if (seenCurrent) {
          Duration sinceCurrent = Duration.ofNanos(Math.max(1, asked - seenCurrentAt));
          staleness = staleness == null || sinceCurrent.compareTo(staleness) < 0
              ? sinceCurrent : staleness;
        }
        if (staleness == null) {
          return notUsable(g, asked, "it is behind the primary by an unknown time (nothing "
              + "replayed since it started, or its last replayed commit is dated after the "
              + "primary's clock)");
        }
        return judged(g, asked, staleness);
      }
    } catch (SQLException | RuntimeException e) {
      return notUsable(g, asked, "it does not answer: " + Failures.rootMessage(e));
    }
  }

  /**
   * How old the replica's last replayed commit is, on the primary's clock (both timestamps are
   * the primary's, so the clocks of the two hosts never meet): the primary's clock when its
   * position was read ({@code primaryEpochSeconds}, at {@code askedNanos}), plus the time until
   * the replica answered ({@code answeredNanos}), minus the commit's time
   * ({@code commitEpochSeconds}). Null (unknown, never "current") when that comes out negative.
   */
  public static Duration replayAge(double primaryEpochSeconds, long askedNanos,
      double commitEpochSeconds, long answeredNanos) {
    long age = Math.round((primaryEpochSeconds - commitEpochSeconds) * 1e9)
        + Math.max(0, answeredNanos - askedNanos);
    return age < 0 ? null : Duration.ofNanos(Math.max(1, age));
  }

  /**
   * A connection for a measurement that waits at most {@value #MEASURE_TIMEOUT_MS} ms for the
   * pool (a write pool held by writers must not hold the measurement up for its own connection
   * timeout) and for each answer (a stuck replica).
   */
  private static Connection measuringConnection(DataSource source) throws SQLException {
    Connection c = source instanceof com.zaxxer.hikari.HikariDataSource hikari
        && hikari.getHikariPoolMXBean() instanceof com.zaxxer.hikari.pool.HikariPool pool
        ? pool.getConnection(MEASURE_TIMEOUT_MS) : source.getConnection();
    try {
      c.setNetworkTimeout(DIRECT, MEASURE_TIMEOUT_MS);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** A WAL position as PostgreSQL prints it ({@code 16/B374D848}) as one unsigned number. */
  static long lsn(String text) {
    int slash = text.indexOf('/');
    return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
        | Long.parseUnsignedLong(text.substring(slash + 1), 16);
  }

  private Measurement judged(long g, long asked, Duration staleness) {
    if (staleness.compareTo(replica.maxStaleness()) > 0) {
      return new Measurement(g, asked, false, staleness, "it is " + staleness.toMillis()
          + " ms behind the primary, more than the " + replica.maxStaleness().toMillis()
          + " ms allowed");
    }
    return new Measurement(g, asked, true, staleness, null);
  }

  private Measurement notUsable(long g, long asked, String problem) {
    Measurement before = last.get();
    if (before == null || before.usable()) {
      LOG.warn("read replica {} not used: {}", Secrets.mask(replica.jdbcUrl()),
          Secrets.mask(problem));
    }
    return new Measurement(g, asked, false, null, problem);
  }

  /** The replica's figures as of the last measurement. */
  public ReplicaStatus status() {
    Measurement m = last.get();
    return new ReplicaStatus(Secrets.mask(replica.jdbcUrl()), m.usable(), m.staleness(),
        m.problem(), replicaReads.sum(), primaryReads.sum(), fallbacks.sum(), checks.sum());
  }

  @Override
  public void close() {
    try {
      closePool.close();
    } catch (Exception e) {
      LOG.warn("closing the read replica's pool failed", e);
    }
  }
}
