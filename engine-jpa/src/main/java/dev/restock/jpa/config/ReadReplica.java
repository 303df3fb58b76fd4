package dev.restock.jpa.config;

import dev.restock.api.stability.Experimental;
import java.time.Duration;
import java.util.Objects;

/**
 * A PostgreSQL streaming replica that read-only units of work may run on (see
 * {@link JpaStoreConfig#withReadReplica}). The store keeps a HikariCP pool of its own for it.
 *
 * <p><b>Routing.</b> An outermost read-only unit ({@code TransactionBoundary.read}: lists,
 * searches, reports, history, pick-list previews) runs on the replica when its last measured
 * staleness is within {@code maxStaleness}; otherwise, and for every read-write unit (and every
 * read nested in one), on the primary. A read-only unit that fails on the replica because the
 * replica cannot be reached or dropped the connection (stopped, restarting, a recovery conflict)
 * runs again on the primary: the caller sees no error; the store counts it
 * ({@link ReplicaStatus#fallbacks()}) and logs it.
 *
 * <p><b>Staleness</b> is measured from the replica, at most once per {@code checkInterval}
 * (never per statement): the primary's current WAL position is read, then the replica's replayed
 * position. A replica that has replayed that position is current as of the moment the primary
 * was asked; one that is behind is as stale as the older of its last replayed commit and the
 * last time it was seen current. Between checks the last figure stands, so the bound holds up to
 * one {@code checkInterval}.
 *
 * <p><b>Read-your-writes.</b> With {@code readYourWrites} (the default) a read never misses a
 * write this store committed: after one, reads go to the primary until a check sees the replica
 * past it. Writes of other processes (or made behind the store's back) may be up to
 * {@code maxStaleness} late on a read served by the replica. Without {@code readYourWrites}, a
 * read right after this store's own write may not see it either when the replica serves it within
 * the bound; choose that only for read scaling under constant writes, and only where that is
 * acceptable.
 *
 * @param jdbcUrl the replica's PostgreSQL URL, e.g. {@code jdbc:postgresql://replica:5432/restock}
 * @param user the user on the replica, or null for the primary's
 * @param password the password on the replica, or null for the primary's
 * @param maxStaleness how far behind the primary the replica may be and still serve reads; not
 *     negative (zero: only when it was seen fully caught up)
 * @param checkInterval how long a staleness measurement is trusted before the next read measures
 *     again; not negative
 * @param readYourWrites whether reads after this store's own writes wait for the replica to
 *     replay them (on the primary meanwhile)
 */
@Experimental(since = "0.3")
public record ReadReplica(String jdbcUrl, String user, String password, Duration maxStaleness,
    Duration checkInterval, boolean readYourWrites) {

  /** Default of {@link #checkInterval()}: 1 s. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  /** Default of {@link #maxStaleness()} when configured by properties: 5 s. */
  public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(5);

  public ReadReplica {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(maxStaleness, "maxStaleness");
    Objects.requireNonNull(checkInterval, "checkInterval");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a read replica must be a PostgreSQL URL "
          + "(jdbc:postgresql:...), was " + Secrets.mask(jdbcUrl));
    }
    if (maxStaleness.isNegative()) {
      throw new IllegalArgumentException("the replica's maxStaleness must not be negative");
    }
    if (checkInterval.isNegative()) {
      throw new IllegalArgumentException("the replica's checkInterval must not be negative");
    }
  }

  /** A replica within {@code maxStaleness}, checked every second, with read-your-writes. */
  public static ReadReplica of(String jdbcUrl, String user, String password,
      Duration maxStaleness) {
    return new ReadReplica(jdbcUrl, user, password, maxStaleness, DEFAULT_CHECK_INTERVAL, true);
  }

  /** This replica measured at most once per {@code interval}. */
  public ReadReplica withCheckInterval(Duration interval) {
    return new ReadReplica(jdbcUrl, user, password, maxStaleness, interval, readYourWrites);
  }

  /** This replica with read-your-writes on (the default) or off. */
  public ReadReplica withReadYourWrites(boolean on) {
    return new ReadReplica(jdbcUrl, user, password, maxStaleness, checkInterval, on);
  }

  @Override
  public String toString() {
    return "ReadReplica[" + Secrets.mask(jdbcUrl) + " within " + maxStaleness.toMillis()
        + " ms, checked every " + checkInterval.toMillis() + " ms"
        + (readYourWrites ? ", read-your-writes" : "") + "]";
  }
}
