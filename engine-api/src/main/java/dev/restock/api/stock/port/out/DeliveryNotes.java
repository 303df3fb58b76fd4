package dev.restock.api.stock.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * Issued delivery notes; immutable once added, at most one per order, numbers unique. Notes are
 * returned, by {@link #add} too, with their lines in sku order. Call inside a unit of work.
 */
@Stable(since = "0.1")
public interface DeliveryNotes {

  DeliveryNote add(DeliveryNote note);

  Optional<DeliveryNote> findByNumber(String number);

  Optional<DeliveryNote> find(UUID id);

  /**
   * A page of the notes matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#DELIVERY_NOTE} (values converted to the field types),
   * sorted by its sort keys, then newest first (issue time, then number, descending); each note
   * with its lines, in a fixed number of reads whatever the page size.
   */
  @Experimental(since = "0.1")
  Page<DeliveryNote> find(Criteria criteria, PageRequest request);
}
