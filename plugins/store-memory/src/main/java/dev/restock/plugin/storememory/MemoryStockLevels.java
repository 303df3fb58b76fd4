package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.stock.port.out.StockLevels;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Warehouse on-hand per product, with a history entry per change. */
final class MemoryStockLevels implements StockLevels {
  private final MemoryDb db;
  private final Table<UUID, Integer> table;
  private final MemoryProducts products;

  /** @param products the store's products, whose live ones have levels */
  MemoryStockLevels(MemoryDb db, MemoryProducts products) {
    this.db = db;
    this.table = new Table<>(db);
    this.products = products;
  }

  /** A live product and its units on hand (0 without a row). */
  private record Row(Product product, int onHand) {
    StockLevel level() {
      return new StockLevel(product.id(), product.sku(), product.name(), onHand);
    }
  }

  private static final Map<String, Function<Row, Object>> FIELDS = Map.of(
      "productId", r -> r.product().id(), "sku", r -> r.product().sku(),
      "name", r -> r.product().name(), "category", r -> r.product().category(),
      "onHand", Row::onHand);

  /** Live products with their levels (0 without a row), by sku. */
  @Override
  public Page<StockLevel> find(Criteria criteria, PageRequest request) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(request, "request");
    List<Row> rows = products.liveProducts().stream()
        .map(p -> new Row(p, Objects.requireNonNullElse(table.get(p.id()), 0))).toList();
    Page<Row> page = Matching.page(rows, criteria, FIELDS,
        Comparator.comparing((Row r) -> r.product().sku()), request);
    List<StockLevel> items = page.items().stream().map(Row::level).toList();
    return db.counted(Page.of(items, request, page.total()), items.size());
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
