package dev.restock.api.planogram.port.out;

import dev.restock.api.planogram.SaleRecord;
import java.util.List;
import java.util.UUID;

/** Append-only record of sales. Call inside a unit of work. */
public interface SalesLedger {

  /** Appends sale records in one batch. */
  void append(List<SaleRecord> records);

  /** Sales of one slot, oldest first. */
  List<SaleRecord> forSlot(UUID slotId);
}
