package dev.restock.plugin.storememory;

import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.port.out.SalesLedger;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Sales, append-only, in the order they were recorded. */
final class MemorySalesLedger implements SalesLedger {
  private final MemoryDb db;
  private final Table<Long, SaleRecord> table;

  MemorySalesLedger(MemoryDb db) {
    this.db = db;
    this.table = new Table<>(db);
  }

  @Override
  public void append(List<SaleRecord> records) {
    db.writeUnit();
    long next = table.size();
    for (SaleRecord r : records) {
      table.put(next++, r);
      db.inserts.incrementAndGet();
    }
  }

  @Override
  public Map<UUID, Integer> unitsSoldSince(Collection<UUID> slotIds, Instant since) {
    Set<UUID> wanted = Set.copyOf(slotIds);
    Map<UUID, Integer> sold = new HashMap<>();
    for (SaleRecord r : table.all()) {
      if (wanted.contains(r.slotId()) && !r.recordedAt().isBefore(since)) {
        sold.merge(r.slotId(), r.units(), Integer::sum);
      }
    }
    return db.counted(sold, sold.size());
  }

  @Override
  public List<SaleRecord> forSlot(UUID slotId) {
    List<SaleRecord> sales = table.all().stream().filter(r -> r.slotId().equals(slotId))
        .sorted(Comparator.comparing(SaleRecord::recordedAt)).toList();
    return db.counted(sales, sales.size());
  }
}
