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
  /** Primary positions kept to tell when the replica was last current; one per measurement. */
  private static final int KEPT_POSITIONS = 16;

  private final ReadReplica replica;
  private final DataSource primary;
  private final DataSource pool;
  private final AutoCloseable closePool;
  private final ReentrantLock measuring = new ReentrantLock();
  private volatile Measurement last;
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
    this.last = measure();
  }

  /** The outcome of one measurement, taken at {@code at} (nanoTime). */
  private record Measurement(long at, boolean usable, Duration staleness, String problem) {}

  /**
   * A replica connection for an outermost read-only unit, or null when it must run on the
   * primary. The caller reports how it went: {@link #served()} or {@link #failed}.
   */
  @Override
  public Connection readConnection() {
    Measurement m = measurement();
    if (!m.usable() || (replica.readYourWrites() && !replayedOwnWrites())) {
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
    last = new Measurement(System.nanoTime(), false, null, problem);
  }

  /** A read-write unit of this store ended (committed, or may have): later reads must see it. */
  @Override
  public void wrote() {
    long now = System.nanoTime();
    lastWrite.accumulateAndGet(now, (old, next) -> !written || next - old > 0 ? next : old);
    written = true;
  }

  private Measurement measurement() {
    Measurement m = last;
    if (System.nanoTime() - m.at() < replica.checkInterval().toNanos()) {
      return m;
    }
    if (!measuring.tryLock()) {
      return m;
    }
    try {
      m = last;
      if (System.nanoTime() - m.at() >= replica.checkInterval().toNanos()) {
        m = measure();
        last = m;
      }
      return m;
    } finally {
      measuring.unlock();
    }
  }

  /** Measures now, whatever the interval; for operations and tests. */
  public ReplicaStatus checkNow() {
    measuring.lock();
    try {
      last = measure();
    } finally {
      measuring.unlock();
    }
    return status();
  }

  private Measurement measure() {
    checks.increment();
    long asked = System.nanoTime();
    String primaryLsn;
    try (Connection c = primary.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
      try (ResultSet r = s.executeQuery("select cast(pg_current_wal_lsn() as text)")) {
        r.next();
        primaryLsn = r.getString(1);
      }
    } catch (SQLException | RuntimeException e) {
      return notUsable(asked, "cannot read the primary's WAL position: "
          + Failures.rootMessage(e));
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
      try (ResultSet r = s.executeQuery("select pg_is_in_recovery(),"
          + " cast(pg_last_wal_replay_lsn() as text),"
          + " extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())")) {
        r.next();
        if (!r.getBoolean(1)) {
          return notUsable(asked, "it is not in recovery: a primary, not a replica");
        }
        String replayText = r.getString(2);
        double replayAge = r.getDouble(3);
        boolean replayedAny = !r.wasNull();
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
          return judged(asked, Duration.ZERO);
        }
        Duration staleness = replayedAny
            ? Duration.ofNanos(Math.max(1, (long) (replayAge * 1e9))) : null;
        if (seenCurrent) {
          Duration sinceCurrent = Duration.ofNanos(Math.max(1, asked - seenCurrentAt));
          staleness = staleness == null || sinceCurrent.compareTo(staleness) < 0
              ? sinceCurrent : staleness;
        }
        if (staleness == null) {
          return notUsable(asked, "it is behind the primary by an unknown time (nothing "
              + "replayed since it started)");
        }
        return judged(asked, staleness);
      }
    } catch (SQLException | RuntimeException e) {
      return notUsable(asked, "it does not answer: " + Failures.rootMessage(e));
    }
  }

  /** A WAL position as PostgreSQL prints it ({@code 16/B374D848}) as one unsigned number. */
  static long lsn(String text) {
    int slash = text.indexOf('/');
    return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
        | Long.parseUnsignedLong(text.substring(slash + 1), 16);
  }

  private Measurement judged(long asked, Duration staleness) {
    if (staleness.compareTo(replica.maxStaleness()) > 0) {
      return new Measurement(asked, false, staleness, "it is " + staleness.toMillis()
          + " ms behind the primary, more than the " + replica.maxStaleness().toMillis()
          + " ms allowed");
    }
    return new Measurement(asked, true, staleness, null);
  }

  private Measurement notUsable(long asked, String problem) {
    Measurement before = last;
    if (before == null || before.usable()) {
      LOG.warn("read replica {} not used: {}", Secrets.mask(replica.jdbcUrl()),
          Secrets.mask(problem));
    }
    return new Measurement(asked, false, null, problem);
  }

  /** The replica's figures as of the last measurement. */
  public ReplicaStatus status() {
    Measurement m = last;
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
