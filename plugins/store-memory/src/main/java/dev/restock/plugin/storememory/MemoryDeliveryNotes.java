package dev.restock.plugin.storememory;

import dev.restock.api.error.ConflictException;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.stock.port.out.DeliveryNotes;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.Optional;
import java.util.UUID;

/** Issued delivery notes: unique number, one per order, immutable once added. */
final class MemoryDeliveryNotes implements DeliveryNotes {
  private final MemoryDb db;
  private final Table<UUID, DeliveryNote> table;

  private final Function<UUID, UUID> routeOfOrder;

  /** @param routeOfOrder the route of a stored order, for the {@code routeId} search field */
  MemoryDeliveryNotes(MemoryDb db, Function<UUID, UUID> routeOfOrder) {
    this.db = db;
    this.table = new Table<>(db);
    this.routeOfOrder = routeOfOrder;
  }

  private static final Comparator<DeliveryNote> NEWEST_FIRST = Comparator
      .comparing(DeliveryNote::issuedAt).thenComparing(DeliveryNote::number).reversed();

  private Map<String, Function<DeliveryNote, Object>> fields() {
    return Map.of("number", DeliveryNote::number, "orderId", DeliveryNote::orderId,
        "orderNumber", DeliveryNote::orderNumber, "issuedAt", DeliveryNote::issuedAt,
        "routeId", n -> routeOfOrder.apply(n.orderId()));
  }

  @Override
  public DeliveryNote add(DeliveryNote note) {
    Objects.requireNonNull(note, "note");
    db.writeUnit();
    for (DeliveryNote other : table.all()) {
      if (other.id().equals(note.id())) {
        throw new ConflictException("a delivery note with id " + note.id() + " already exists");
      }
      if (other.number().equals(note.number())) {
        throw new ConflictException("a delivery note already has this number");
      }
      if (other.orderId().equals(note.orderId())) {
        throw new ConflictException("the order already has a delivery note");
      }
    }
    DeliveryNote stored = new DeliveryNote(note.id(), note.number(), note.orderId(),
        note.orderNumber(), note.issuedAt(), note.lines().stream()
            .sorted(java.util.Comparator.comparing(DeliveryNoteLine::sku)).toList());
    table.put(stored.id(), stored);
    db.inserts.incrementAndGet();
    return stored;
  }

  @Override
  public Optional<DeliveryNote> findByNumber(String number) {
    return db.one(table.all().stream().filter(n -> n.number().equals(number)).findFirst());
  }

  @Override
  public Optional<DeliveryNote> find(UUID id) {
    return db.one(Optional.ofNullable(table.get(id)));
  }

  @Override
  public Page<DeliveryNote> find(Criteria criteria, PageRequest request) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(request, "request");
    Page<DeliveryNote> page = Matching.page(table.all(), criteria, fields(), NEWEST_FIRST,
        request);
    return db.counted(page, page.items().size());
  }
}
