package dev.restock.api.planogram.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.List;
import java.util.UUID;

/** Record what was sold from slots. */
@Stable(since = "0.1")
public interface SalesRecording {

  /**
   * Records every entry in one unit of work: slot quantities go down and sale records are kept.
   *
   * @throws dev.restock.api.error.ValidationException naming every entry that sells more than the
   *     slot holds, observes more than it held, or names an unknown slot; nothing is written
   */
  List<SaleRecord> record(RecordSales command);

  /** Sales recorded for one slot, oldest first. */
  List<SaleRecord> salesOf(UUID slotId);

  /**
   * A page of recorded sales matching {@code criteria} over {@link
   * dev.restock.api.query.SearchFields#SALE} (slot, product and its sku, the slot's device and
   * that device's route, units, time, recorder), sorted by its sort keys, then newest first.
   * {@code Criteria.all()} lists every sale.
   *
   * @throws dev.restock.api.error.ValidationException naming every unknown field and every value
   *     of the wrong type, before anything is read
   */
  @Experimental(since = "0.1")
  Page<SaleRecord> find(Criteria criteria, PageRequest request);
}
