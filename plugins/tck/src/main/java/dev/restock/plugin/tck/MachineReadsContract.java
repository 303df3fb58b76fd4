package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code MachineReads} port: a read comes back exactly as appended
 * (every counter, nulls, empty selections, money to the cent, times to the millisecond as the kit
 * uses them elsewhere); the latest read of a device is the one with the greatest time, the last
 * appended among equal times; reads between two times come oldest first, equal times in append
 * order; a read rolls back with its unit, needs a read-write unit, and outlives its device's soft
 * delete; reads appended together keep their order, and the latest reads of many devices and
 * the stored hashes among many are found at once.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface MachineReadsContract extends StoreUnderTest {

  @Test
  default void aReadComesBackWithEveryFieldAsAppended() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID device = fixture.device(ref, "Alpha", 1, 5).device().id();
    UUID importer = UUID.randomUUID();
    Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
    // every counter set, at the largest amount money columns hold; selections with and without
    // price and value, a vend count beyond an int's range, zero amounts kept at two places
    StoredRead full = new StoredRead(new UUID(1, 1), device, "SN-0042", hash('a'), "route-1.dex",
        at, List.of(
            new SelectionCounter("A1", new BigDecimal("1.50"), 4_000_000_123L,
                new BigDecimal("9999999999.99"), 17),
            new SelectionCounter("101", null, 0, null, 18),
            new SelectionCounter("A2", new BigDecimal("0.00"), 3, new BigDecimal("0.00"), 0)),
        new CashCounters(new BigDecimal("120.50"), 80L, new BigDecimal("130.00"),
            new BigDecimal("9.50"), new BigDecimal("0.00"), new BigDecimal("44.25"), 30L,
            new BigDecimal("164.75"), 110L),
        false, 7, new BigDecimal("10.50"), new BigDecimal("-1.25"), new BigDecimal("3.00"),
        at.plusSeconds(3_600), importer);
    // a baseline without selections nor money counters
    StoredRead bare = new StoredRead(new UUID(2, 2), device, "SN-0042", hash('b'), "empty.dex",
        at.plusSeconds(60), List.of(), CashCounters.NONE, true, 0, new BigDecimal("0.00"), null,
        null, at.plusSeconds(7_200), Actor.SYSTEM_ID);
    // only some money counters
    StoredRead partial = new StoredRead(new UUID(3, 3), device, "SN-0043", hash('c'),
        "partial.dex", at.plusSeconds(120),
        List.of(new SelectionCounter("B3", new BigDecimal("2.00"), 12, null, 5)),
        new CashCounters(null, 12L, null, null, new BigDecimal("17.40"), null, null,
            new BigDecimal("24.00"), null),
        false, 2, new BigDecimal("4.00"), null, new BigDecimal("0.00"), at.plusSeconds(7_300),
        importer);
    write(() -> {
      store().machineReads().append(full);
      store().machineReads().append(bare);
      store().machineReads().append(partial);
      return null;
    });

    assertThat(read(() -> store().machineReads().between(device, at, Kit.LATER)))
        .containsExactly(full, bare, partial);
    assertThat(read(() -> store().machineReads().latestFor(device))).contains(partial);
  }

  @Test
  default void moneyComesBackToTheCentAndAmountsThatDoNotFitAreRefusedWithNothingWritten() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID device = fixture.device(ref, "Alpha", 1, 5).device().id();
    Instant at = Instant.parse("2026-03-02T10:15:30Z");
    StoredRead fewerPlaces = new StoredRead(UUID.randomUUID(), device, "SN-1", hash('a'), "a.dex",
        at, List.of(new SelectionCounter("A1", new BigDecimal("1.5"), 2, new BigDecimal("3"), 1)),
        new CashCounters(new BigDecimal("3"), 2L, null, null, null, null, null, null, null),
        false, 2, new BigDecimal("3.0"), new BigDecimal("1"), null, at, Actor.SYSTEM_ID);
    write(() -> {
      store().machineReads().append(fewerPlaces);
      return null;
    });

    StoredRead back = read(() -> store().machineReads().latestFor(device)).orElseThrow();
    assertThat(back.selections().get(0).price()).isEqualTo(new BigDecimal("1.50"));
    assertThat(back.selections().get(0).value()).isEqualTo(new BigDecimal("3.00"));
    assertThat(back.cash().cashSales()).isEqualTo(new BigDecimal("3.00"));
    assertThat(back.vendValue()).isEqualTo(new BigDecimal("3.00"));
    assertThat(back.cashDelta()).isEqualTo(new BigDecimal("1.00"));

    StoredRead thirdDecimal = new StoredRead(UUID.randomUUID(), device, "SN-1", hash('b'), "b.dex",
        at.plusSeconds(1), List.of(new SelectionCounter("A1", new BigDecimal("1.505"), 2, null, 1)),
        CashCounters.NONE, false, 2, new BigDecimal("3.00"), null, null, at, Actor.SYSTEM_ID);
    StoredRead tooLarge = new StoredRead(UUID.randomUUID(), device, "SN-1", hash('c'), "c.dex",
        at.plusSeconds(2), List.of(), new CashCounters(new BigDecimal("1e10"), 2L, null, null,
            null, null, null, null, null),
        false, 2, new BigDecimal("3.00"), null, null, at, Actor.SYSTEM_ID);
    for (StoredRead bad : List.of(thirdDecimal, tooLarge)) {
      assertThatThrownBy(() -> write(() -> {
        store().machineReads().append(bad);
        return null;
      })).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(read(() -> store().machineReads().containsHash(hash('b')))).isFalse();
    assertThat(read(() -> store().machineReads().containsHash(hash('c')))).isFalse();
    assertThat(read(() -> store().machineReads().between(null, at, Kit.LATER)))
        .extracting(StoredRead::id).containsExactly(fewerPlaces.id());
  }

  @Test
  default void theLatestReadHasTheGreatestTimeAndOfEqualTimesTheLastAppended() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID alpha = fixture.device(ref, "Alpha", 1, 5).device().id();
    UUID beta = fixture.device(ref, "Beta", 1, 5).device().id();
    Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
    // ids fall as the reads are appended, so a store breaking the tie by id is caught
    StoredRead later = readOf(new UUID(9, 9), alpha, at.plusMillis(1), 'a');
    StoredRead first = readOf(new UUID(8, 8), alpha, at, 'b');
    StoredRead second = readOf(new UUID(7, 7), alpha, at, 'c');
    StoredRead otherDevice = readOf(new UUID(6, 6), beta, at.plusSeconds(60), 'd');
    write(() -> {
      store().machineReads().append(first);
      store().machineReads().append(otherDevice);
      return null;
    });
    assertThat(read(() -> store().machineReads().latestFor(alpha))).contains(first);
    write(() -> {
      store().machineReads().append(second);
      return null;
    });
    assertThat(read(() -> store().machineReads().latestFor(alpha))).contains(second);
    write(() -> {
      store().machineReads().append(later);
      // appended after, but earlier: not the latest
      store().machineReads().append(readOf(new UUID(5, 5), alpha, at.minusSeconds(3_600), 'e'));
      return null;
    });

    assertThat(read(() -> store().machineReads().latestFor(alpha))).contains(later);
    assertThat(read(() -> store().machineReads().latestFor(beta))).contains(otherDevice);
    assertThat(read(() -> store().machineReads().latestFor(UUID.randomUUID()))).isEmpty();
  }

  @Test
  default void readsBetweenTwoTimesComeOldestFirstEqualTimesInAppendOrder() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID alpha = fixture.device(ref, "Alpha", 1, 5).device().id();
    UUID beta = fixture.device(ref, "Beta", 1, 5).device().id();
    Instant since = Instant.parse("2026-03-02T00:00:00Z");
    Instant until = Instant.parse("2026-03-03T00:00:00Z");
    StoredRead before = readOf(new UUID(9, 9), alpha, since.minusMillis(1), 'a');
    StoredRead atSince = readOf(new UUID(8, 8), alpha, since, 'b');
    StoredRead noonAlpha = readOf(new UUID(7, 7), alpha, since.plusSeconds(43_200), 'c');
    StoredRead noonBeta = readOf(new UUID(6, 6), beta, since.plusSeconds(43_200), 'd');
    StoredRead noonAlphaAgain = readOf(new UUID(5, 5), alpha, since.plusSeconds(43_200), 'e');
    StoredRead lastMilli = readOf(new UUID(4, 4), beta, until.minusMillis(1), 'f');
    StoredRead atUntil = readOf(new UUID(3, 3), alpha, until, '0');
    // appended out of time order, over two units
    write(() -> {
      store().machineReads().append(atUntil);
      store().machineReads().append(noonAlpha);
      store().machineReads().append(lastMilli);
      store().machineReads().append(noonBeta);
      return null;
    });
    write(() -> {
      store().machineReads().append(noonAlphaAgain);
      store().machineReads().append(atSince);
      store().machineReads().append(before);
      return null;
    });

    assertThat(read(() -> store().machineReads().between(null, since, until)))
        .containsExactly(atSince, noonAlpha, noonBeta, noonAlphaAgain, lastMilli);
    assertThat(read(() -> store().machineReads().between(alpha, since, until)))
        .containsExactly(atSince, noonAlpha, noonAlphaAgain);
    assertThat(read(() -> store().machineReads().between(beta, since.plusSeconds(43_201),
        until))).containsExactly(lastMilli);
    assertThat(read(() -> store().machineReads().between(alpha, until, Kit.LATER)))
        .containsExactly(atUntil);
    assertThat(read(() -> store().machineReads().between(null, since, since))).isEmpty();
    assertThat(read(() -> store().machineReads().between(UUID.randomUUID(), since, Kit.LATER)))
        .isEmpty();
  }

  @Test
  default void aReadRollsBackWithItsUnitAndNeedsAReadWriteUnit() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID device = fixture.device(ref, "Alpha", 1, 5).device().id();
    Instant at = Instant.parse("2026-03-02T10:15:30Z");
    StoredRead kept = readOf(UUID.randomUUID(), device, at, 'a');
    write(() -> {
      store().machineReads().append(kept);
      return null;
    });

    assertThatThrownBy(() -> write(() -> {
      store().machineReads().append(readOf(UUID.randomUUID(), device, at.plusSeconds(1), 'b'));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    assertThatThrownBy(() -> read(() -> {
      store().machineReads().append(readOf(UUID.randomUUID(), device, at.plusSeconds(2), 'c'));
      return null;
    })).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store().machineReads().append(
        readOf(UUID.randomUUID(), device, at.plusSeconds(3), 'd')))
        .isInstanceOf(IllegalStateException.class);

    assertThat(read(() -> store().machineReads().containsHash(hash('a')))).isTrue();
    for (char gone : new char[] {'b', 'c', 'd'}) {
      assertThat(read(() -> store().machineReads().containsHash(hash(gone)))).isFalse();
    }
    assertThat(read(() -> store().machineReads().latestFor(device))).contains(kept);
    assertThat(read(() -> store().machineReads().between(null, at, Kit.LATER)))
        .containsExactly(kept);
  }

  @Test
  default void readsOutliveTheirDevicesSoftDeleteAndAreFoundByContentHash() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID alpha = fixture.device(ref, "Alpha", 1, 5).device().id();
    UUID beta = fixture.device(ref, "Beta", 1, 5).device().id();
    Instant at = Instant.parse("2026-03-02T10:15:30Z");
    // one file read two machines: both reads carry its hash
    StoredRead alphaRead = readOf(UUID.randomUUID(), alpha, at, 'a');
    StoredRead betaRead = readOf(UUID.randomUUID(), beta, at, 'a');
    assertThat(read(() -> store().machineReads().containsHash(hash('a')))).isFalse();
    write(() -> {
      store().machineReads().append(alphaRead);
      store().machineReads().append(betaRead);
      return null;
    });
    write(() -> {
      store().devices().softDelete(alpha);
      return null;
    });

    assertThat(read(() -> store().machineReads().containsHash(hash('a')))).isTrue();
    assertThat(read(() -> store().machineReads().containsHash(hash('b')))).isFalse();
    assertThat(read(() -> store().machineReads().containsHash(hash('A')))).isFalse();
    assertThat(read(() -> store().machineReads().latestFor(alpha))).contains(alphaRead);
    assertThat(read(() -> store().machineReads().between(null, at, Kit.LATER)))
        .containsExactly(alphaRead, betaRead);
  }

  @Test
  default void readsAppendedTogetherKeepTheirOrderAndAreFoundForManyDevicesAndHashesAtOnce() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID alpha = fixture.device(ref, "Alpha", 1, 5).device().id();
    UUID beta = fixture.device(ref, "Beta", 1, 5).device().id();
    UUID gamma = fixture.device(ref, "Gamma", 1, 5).device().id();
    Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
    // ids fall as the reads are appended, so a store breaking the tie by id is caught
    StoredRead first = readOf(new UUID(9, 9), alpha, at, 'a');
    StoredRead second = readOf(new UUID(8, 8), alpha, at, 'b');
    StoredRead earlier = readOf(new UUID(7, 7), alpha, at.minusSeconds(60), 'c');
    StoredRead betaRead = readOf(new UUID(6, 6), beta, at, 'd');
    write(() -> {
      store().machineReads().appendAll(List.of(first, betaRead, second, earlier));
      return null;
    });

    assertThat(read(() -> store().machineReads().latestOf(List.of(alpha, beta, gamma))))
        .isEqualTo(java.util.Map.of(alpha, second, beta, betaRead));
    assertThat(read(() -> store().machineReads().latestFor(alpha))).contains(second);
    assertThat(read(() -> store().machineReads().between(alpha, Instant.EPOCH, Kit.LATER)))
        .containsExactly(earlier, first, second);
    assertThat(read(() -> store().machineReads().storedHashes(
        List.of(hash('a'), hash('d'), hash('e'), hash('A')))))
        .containsExactlyInAnyOrder(hash('a'), hash('d'));
    assertThat(read(() -> store().machineReads().latestOf(List.of()))).isEmpty();
    assertThat(read(() -> store().machineReads().storedHashes(List.of()))).isEmpty();
  }

  /** A SHA-256 in hex, as the engine stores it: sixty-four times {@code c}. */
  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }

  /** A read with one selection and every money counter, from a file whose hash is {@code c}s. */
  private static StoredRead readOf(UUID id, UUID device, Instant at, char c) {
    return new StoredRead(id, device, "SN-" + device, hash(c), c + ".dex", at,
        List.of(new SelectionCounter("A1", new BigDecimal("1.50"), 10, new BigDecimal("15.00"),
            3)),
        new CashCounters(new BigDecimal("15.00"), 10L, new BigDecimal("15.00"),
            new BigDecimal("0.00"), new BigDecimal("5.00"), new BigDecimal("0.00"), 0L,
            new BigDecimal("15.00"), 10L),
        false, 1, new BigDecimal("1.50"), new BigDecimal("1.50"), new BigDecimal("0.00"),
        at.plusSeconds(1), Actor.SYSTEM_ID);
  }

  private <T> T write(Supplier<T> work) {
    return Kit.write(store(), "reads.import", work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
