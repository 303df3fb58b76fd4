package dev.restock.api.planogram.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.List;
import java.util.UUID;

/**
 * Append-only record of sales: a sale is never changed nor deleted, and keeps pointing at its slot
 * and product after they, or the slot's device, are deleted. Sales are written in the unit of
 * work that appends them and roll back with it. The rules all store ports follow (units of work,
 * exceptions, criteria) are on {@link dev.restock.api.spi.Store}. Checked by {@code
 * StoreContract}.
 */
@Stable(since = "0.1")
public interface SalesLedger {

  /**
   * Appends sale records in one batch, stored as given (id, slot, product, units, quantities,
   * {@code recordedAt} and {@code recordedBy}). Needs a read-write unit of work.
   */
  void append(List<SaleRecord> records);

  /**
   * Units sold per slot since {@code since} inclusive (a sale recorded exactly at {@code since}
   * counts), for slots with at least one sale in that time; slots without are absent, so the map
   * may be empty. One read whatever the number of slots (see {@link dev.restock.api.spi.Store}).
   */
  java.util.Map<UUID, Integer> unitsSoldSince(java.util.Collection<UUID> slotIds,
      java.time.Instant since);

  /**
   * Every sale of one slot, oldest first by {@code recordedAt}; sales of the same time in the order
   * they were appended, across batches, never by id (checked by the kit). Empty for a slot without
   * sales.
   */
  List<SaleRecord> forSlot(UUID slotId);

  /**
   * A page of the sales matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#SALE} (values converted to the field types), sorted by
   * its sort keys, then newest first (by {@code recordedAt}; sales of the same time in the reverse
   * of the order they were appended), in a fixed number of reads whatever the page size. Matching
   * follows {@link Criteria}. A sale is found by the sku, device and route of its product and slot
   * even after they were deleted (the device is the slot's, which never moves).
   */
  @Experimental(since = "0.1")
  Page<SaleRecord> find(Criteria criteria, PageRequest request);
}
