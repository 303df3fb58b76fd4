package dev.restock.api.stock.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.stock.DeliveryNote;
import java.util.Optional;
import java.util.UUID;

/**
 * Issued delivery notes; immutable once added, at most one per order, numbers unique. Notes are
 * returned, by {@link #add} too, with their lines in sku order. Call inside a unit of work.
 */
@Stable
public interface DeliveryNotes {

  DeliveryNote add(DeliveryNote note);

  Optional<DeliveryNote> findByNumber(String number);

  Optional<DeliveryNote> find(UUID id);
}
