package dev.restock.plugin.storememory;

import static dev.restock.api.validation.Checks.MONEY_INTEGER_DIGITS;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.reads.port.out.MachineReads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Machine reads, append-only, in the order they were appended. Money is kept to the cent, as the
 * JPA store's {@code numeric(12,2)} columns keep it, so that both stores answer the same values.
 */
final class MemoryMachineReads implements MachineReads {
  private final MemoryDb db;
  private final Table<Long, StoredRead> table;

  MemoryMachineReads(MemoryDb db) {
    this.db = db;
    this.table = new Table<>(db);
  }

  @Override
  public void append(StoredRead read) {
    Objects.requireNonNull(read, "read");
    StoredRead kept = toTheCent(read);
    db.writeUnit();
    table.put((long) table.size(), kept);
    db.inserts.incrementAndGet();
  }

  @Override
  public boolean containsHash(String contentHash) {
    boolean found = table.all().stream().anyMatch(r -> r.contentHash().equals(contentHash));
    return db.counted(found, found ? 1 : 0);
  }

  @Override
  public Optional<StoredRead> latestFor(UUID deviceId) {
    StoredRead latest = null;
    for (StoredRead r : table.all()) {
      // same time: the later append wins
      if (r.deviceId().equals(deviceId)
          && (latest == null || !r.readAt().isBefore(latest.readAt()))) {
        latest = r;
      }
    }
    return db.counted(Optional.ofNullable(latest), latest == null ? 0 : 1);
  }

  @Override
  public List<StoredRead> between(UUID deviceId, Instant since, Instant until) {
    // a stable sort keeps append order among reads of the same time
    List<StoredRead> found = table.all().stream()
        .filter(r -> deviceId == null || r.deviceId().equals(deviceId))
        .filter(r -> !r.readAt().isBefore(since) && r.readAt().isBefore(until))
        .sorted(Comparator.comparing(StoredRead::readAt)).toList();
    return db.counted(found, found.size());
  }

  /** The read with every amount at two places; refuses amounts that do not fit numeric(12,2). */
  private static StoredRead toTheCent(StoredRead r) {
    CashCounters c = r.cash();
    return new StoredRead(r.id(), r.deviceId(), r.machineSerial(), r.contentHash(),
        r.sourceName(), r.readAt(), r.selections().stream().map(s -> new SelectionCounter(
            s.selection(), cents(s.price(), "price"), s.vends(), cents(s.value(), "value"),
            s.line())).toList(),
        new CashCounters(cents(c.cashSales(), "cashSales"), c.cashVends(),
            cents(c.cashIn(), "cashIn"), cents(c.cashOut(), "cashOut"),
            cents(c.tubeContents(), "tubeContents"), cents(c.cashlessSales(), "cashlessSales"),
            c.cashlessVends(), cents(c.totalSales(), "totalSales"), c.totalVends()),
        r.baseline(), r.unitsVended(), Objects.requireNonNull(cents(r.vendValue(), "vendValue")),
        cents(r.cashDelta(), "cashDelta"), cents(r.cashlessDelta(), "cashlessDelta"),
        r.importedAt(), r.importedBy());
  }

  private static BigDecimal cents(BigDecimal amount, String field) {
    if (amount == null) {
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2
        || amount.precision() - amount.scale() > MONEY_INTEGER_DIGITS) {
      throw new IllegalArgumentException(field + " " + amount + " does not fit a money amount: at"
          + " most " + MONEY_INTEGER_DIGITS + " digits before"
          + " the point and 2 after");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
