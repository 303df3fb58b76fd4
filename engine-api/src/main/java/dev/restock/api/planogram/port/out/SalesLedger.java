package dev.restock.api.planogram.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.List;
import java.util.UUID;

/** Append-only record of sales. Call inside a unit of work. */
@Stable(since = "0.1")
public interface SalesLedger {

  /** Appends sale records in one batch. */
  void append(List<SaleRecord> records);

  /**
   * Units sold per slot since {@code since}, for slots with at least one sale in that time; one
   * read whatever the number of slots.
   */
  java.util.Map<UUID, Integer> unitsSoldSince(java.util.Collection<UUID> slotIds,
      java.time.Instant since);

  /** Sales of one slot, oldest first. */
  List<SaleRecord> forSlot(UUID slotId);

  /**
   * A page of the sales matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#SALE} (values converted to the field types), sorted by
   * its sort keys, then newest first (by recording time; sales of the same time in the reverse
   * of the order they were appended), in a fixed number of reads whatever the page size.
   */
  @Experimental(since = "0.1")
  Page<SaleRecord> find(Criteria criteria, PageRequest request);
}
