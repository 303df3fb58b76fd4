package dev.restock.api.stock.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.stock.DeliveryNote;
import java.util.Optional;
import java.util.UUID;

/** Issued delivery notes; immutable once added. Call inside a unit of work. */
@Stable
public interface DeliveryNotes {

  DeliveryNote add(DeliveryNote note);

  Optional<DeliveryNote> findByNumber(String number);

  Optional<DeliveryNote> find(UUID id);
}
