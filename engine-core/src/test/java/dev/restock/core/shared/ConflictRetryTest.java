package dev.restock.core.shared;

import dev.restock.core.usecase.ConflictRetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.AuditContext;
import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.error.ConflictException;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.core.wiring.RestockEngine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
  /** A boundary that only says whether a unit is open on the thread. */
  private static TransactionBoundary boundary(boolean inUnit) {
    return new TransactionBoundary() {
      @Override public <T> T write(AuditContext context, Supplier<T> work) {
        return work.get();
      }

      @Override public <T> T read(Supplier<T> work) {
        return work.get();
      }

      @Override public void afterCommit(Runnable action) {}

      @Override public boolean inUnitOfWork() {
        return inUnit;
      }
    };
  }

  @Test
  void aConcurrentChangeIsRetriedUntilTheUnitSucceedsAndEachRetryIsCounted() {
    ConflictRetry retry = new ConflictRetry(5, Duration.ofMillis(1), Duration.ofMillis(4));
    AtomicInteger attempts = new AtomicInteger();
    String result = retry.run(boundary(false), "test", () -> {
      if (attempts.incrementAndGet() < 4) {
        throw new ConcurrentChangeException("lost a race");
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(4);
    assertThat(retry.retries()).isEqualTo(3);
    assertThat(retry.exhausted()).isZero();
  }

  @Test
  void otherConflictsAreNeverRetried() {
    ConflictRetry retry = new ConflictRetry(5, Duration.ofMillis(1), Duration.ofMillis(4));
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(boundary(false), "test", () -> {
      attempts.incrementAndGet();
      throw new ConflictException("a live product already has this sku");
    })).isExactlyInstanceOf(ConflictException.class);
    assertThat(attempts).hasValue(1);
    assertThat(retry.retries()).isZero();
  }

  @Test
  void insideAUnitSomeoneElseOpenedTheConflictGoesToThemAtOnce() {
    ConflictRetry retry = new ConflictRetry(5, Duration.ofMillis(1), Duration.ofMillis(4));
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(boundary(true), "test", () -> {
      attempts.incrementAndGet();
      throw new ConcurrentChangeException("lost a race");
    })).isInstanceOf(ConcurrentChangeException.class);
    assertThat(attempts).hasValue(1);
    assertThat(retry.retries()).isZero();
    assertThat(retry.exhausted()).isZero();
  }

  @Test
  void afterTheLastAttemptTheConflictIsThrownAndCountedAsGivenUp() {
    ConflictRetry retry = new ConflictRetry(3, Duration.ZERO, Duration.ZERO);
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> retry.run(boundary(false), "test", () -> {
      attempts.incrementAndGet();
      throw new ConcurrentChangeException("lost a race");
    })).isInstanceOf(ConcurrentChangeException.class).hasMessage("lost a race");
    assertThat(attempts).hasValue(3);
    assertThat(retry.retries()).isEqualTo(2);
    assertThat(retry.exhausted()).isEqualTo(1);
  }

  @Test
  void theBuilderRefusesSettingsOutOfRangeNamingEachOne() {
    assertThatThrownBy(() -> RestockEngine.builder()
        .conflictRetry(0, Duration.ofMillis(-1), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempts must be 1..100, was 0")
        .hasMessageContaining("base backoff must be 0..10 s")
        .hasMessageContaining("max backoff must be base backoff..60 s");
    assertThatThrownBy(() -> RestockEngine.builder()
        .conflictRetry(3, Duration.ofMillis(100), Duration.ofMillis(50)))
        .hasMessageContaining("max backoff must be base backoff..60 s, was PT0.05S");
  }
}
