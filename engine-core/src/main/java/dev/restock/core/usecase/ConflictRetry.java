package dev.restock.core.usecase;

import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.tx.TransactionBoundary;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a use case's unit of work again, whole, when a concurrent unit beat it
 * ({@link ConcurrentChangeException}): at most {@code maxAttempts} times in all, sleeping a
 * jittered, exponentially growing pause between attempts so that competing units spread out
 * instead of colliding again. Only units the engine starts itself are repeated: inside a unit the
 * host opened, the conflict goes to the host. Each attempt is a fresh unit of work, so what it
 * registered to run after commit (plugin audit sinks) runs once, for the attempt that committed.
 * Thread-safe; counts retries and calls that gave up.
 */
public final class ConflictRetry {
  private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

  /** Five attempts, pauses from 10 ms doubling up to 200 ms. */
  public static final ConflictRetry DEFAULT =
      new ConflictRetry(5, Duration.ofMillis(10), Duration.ofMillis(200));

  private final int maxAttempts;
  private final long baseMillis;
  private final long maxMillis;
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong exhausted = new AtomicLong();

  /**
   * @param maxAttempts attempts in all, 1 (never retry) to 100
   * @param baseBackoff pause before the first retry, 0 to 10 s; doubles each time
   * @param maxBackoff longest pause, at least {@code baseBackoff}, at most 60 s
   * @throws IllegalArgumentException naming every value out of range
   */
  public ConflictRetry(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {
    StringBuilder problems = new StringBuilder();
    if (maxAttempts < 1 || maxAttempts > 100) {
      problems.append("; attempts must be 1..100, was ").append(maxAttempts);
    }
    if (baseBackoff == null || baseBackoff.isNegative()
        || baseBackoff.compareTo(Duration.ofSeconds(10)) > 0) {
      problems.append("; base backoff must be 0..10 s, was ").append(baseBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(Duration.ofSeconds(60)) > 0
        || (baseBackoff != null && maxBackoff.compareTo(baseBackoff) < 0)) {
      problems.append("; max backoff must be base backoff..60 s, was ").append(maxBackoff);
    }
    if (problems.length() > 0) {
      throw new IllegalArgumentException("conflict retry settings: " + problems.substring(2));
    }
    this.maxAttempts = maxAttempts;
    this.baseMillis = baseBackoff.toMillis();
    this.maxMillis = maxBackoff.toMillis();
  }

  /** The same settings with fresh counters, for one engine. */
  public ConflictRetry fresh() {
    return new ConflictRetry(maxAttempts, Duration.ofMillis(baseMillis),
        Duration.ofMillis(maxMillis));
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Extra attempts made so far. */
  public long retries() {
    return retries.get();
  }

  /** Calls that failed with a concurrent change after their last attempt. */
  public long exhausted() {
    return exhausted.get();
  }

  /**
   * Runs {@code unit}, which must open its own unit of work on {@code tx}; again after a
   * concurrent change, unless a unit of work was already running on this thread when called.
   */
  public <T> T run(TransactionBoundary tx, String action, Supplier<T> unit) {
    if (maxAttempts == 1 || tx.inUnitOfWork()) {
      return unit.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return unit.get();
      } catch (ConcurrentChangeException e) {
        if (attempt >= maxAttempts) {
          exhausted.incrementAndGet();
          LOG.warn("{} met a concurrent change on each of its {} attempts; giving up: {}",
              action, attempt, e.getMessage());
          throw e;
        }
        retries.incrementAndGet();
        long pause = pause(attempt);
        LOG.debug("{} met a concurrent change (attempt {}); running it again in {} ms: {}",
            action, attempt, pause, e.getMessage());
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          e.addSuppressed(interrupted);
          throw e;
        }
      }
    }
  }

  /** Half the exponential step plus a random share of the other half ("equal jitter"). */
  private long pause(int attempt) {
    long step = Math.min(maxMillis, baseMillis << Math.min(attempt - 1, 20));
    long half = step / 2;
    return half + ThreadLocalRandom.current().nextLong(step - half + 1);
  }
}
