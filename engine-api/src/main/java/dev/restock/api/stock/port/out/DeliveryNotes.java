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
 * Issued delivery notes; immutable once added and never deleted, at most one per order, numbers
 * unique. Notes are returned, by {@link #add} too, with their lines in sku order. Units of work,
 * exceptions and criteria follow {@link dev.restock.api.spi.Store}. Checked by {@code
 * StoreContract} and {@code ServiceOrderContract}.
 */
@Stable(since = "0.1")
public interface DeliveryNotes {

  /**
   * Stores a new note with its lines, as given ({@code issuedAt} included), and returns it as
   * {@link #find} reads it back. Needs a read-write unit of work.
   *
   * @throws dev.restock.api.error.ConflictException when the order has a note already, or a note
   *     has this number
   */
  DeliveryNote add(DeliveryNote note);

  /** The note with this number (compared exactly), with its lines. */
  Optional<DeliveryNote> findByNumber(String number);

  /** The note with this id, with its lines; empty for an unknown id. */
  Optional<DeliveryNote> find(UUID id);

  /**
   * A page of the notes matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#DELIVERY_NOTE} (values converted to the field types),
   * sorted by its sort keys, then newest first (issue time, then number, descending); each note
   * with its lines, in a fixed number of reads whatever the page size. Matching follows {@link
   * Criteria}; a note is found by the route of its order ({@code routeId}).
   */
  @Experimental(since = "0.1")
  Page<DeliveryNote> find(Criteria criteria, PageRequest request);
}
