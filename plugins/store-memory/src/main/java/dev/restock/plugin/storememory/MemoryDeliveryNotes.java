package dev.restock.plugin.storememory;

import dev.restock.api.error.ConflictException;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.stock.port.out.DeliveryNotes;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Issued delivery notes: unique number, one per order, immutable once added. */
final class MemoryDeliveryNotes implements DeliveryNotes {
  private final MemoryDb db;
  private final Table<UUID, DeliveryNote> table;

  MemoryDeliveryNotes(MemoryDb db) {
    this.db = db;
    this.table = new Table<>(db);
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
}
