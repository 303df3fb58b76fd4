package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.stock.port.out.StockLevels;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Warehouse on-hand per product, with a history entry per change. */
final class MemoryStockLevels implements StockLevels {
  private final MemoryDb db;
  private final Table<UUID, Integer> table;

  MemoryStockLevels(MemoryDb db) {
    this.db = db;
    this.table = new Table<>(db);
  }

  @Override
  public Map<UUID, Integer> onHand(Collection<UUID> productIds) {
    Map<UUID, Integer> result = new HashMap<>();
    for (UUID id : productIds) {
      Integer units = table.get(id);
      if (units != null) {
        result.put(id, units);
      }
    }
    return db.counted(result, result.size());
  }

  @Override
  public void set(Map<UUID, Integer> onHandByProduct) {
    db.writeUnit();
    onHandByProduct.forEach((product, units) -> {
      if (units < 0) {
        throw new IllegalArgumentException("stock of " + product + " cannot be negative: " + units);
      }
    });
    onHandByProduct.forEach((product, units) -> {
      Integer old = table.get(product);
      if (old == null || old.intValue() != units) {
        table.put(product, units);
        db.history.record(AuditedType.STOCK, product,
            old == null ? RevisionKind.CREATED : RevisionKind.MODIFIED,
            MemoryStates.stock(product, units));
        (old == null ? db.inserts : db.updates).incrementAndGet();
      }
    });
  }

  @Override
  public Map<UUID, Integer> all() {
    Map<UUID, Integer> result = new HashMap<>();
    table.keys().forEach(id -> result.put(id, table.get(id)));
    return db.counted(result, result.size());
  }
}
