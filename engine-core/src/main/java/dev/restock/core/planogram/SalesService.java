package dev.restock.core.planogram;

import dev.restock.api.audit.Actor;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.port.in.SalesRecording;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Records sales: every entry is checked before anything is written, then slot quantities go down
 * and sale records are appended, all in one unit of work. Reads and writes are batched per call,
 * not per entry.
 */
public final class SalesService extends UseCase implements SalesRecording {

  public SalesService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public List<SaleRecord> record(RecordSales command) {
    Objects.requireNonNull(command, "command");
    return write("sales.record", () -> {
      List<UUID> slotIds = command.entries().stream().map(SaleEntry::slotId).toList();
      Map<UUID, Slot> slots = SlotUpdates.slots(store(), slotIds);
      Checks checks = new Checks();
      List<Slot> changedSlots = new ArrayList<>();
      List<SaleRecord> records = new ArrayList<>();
      var now = ctx.now();
      for (int i = 0; i < command.entries().size(); i++) {
        SaleEntry entry = command.entries().get(i);
        String field = "entries[" + i + "]";
        Slot slot = slots.get(entry.slotId());
        if (slot == null) {
          checks.add(field + ".slotId", "no live slot with id " + entry.slotId());
          continue;
        }
        if (slot.productId() == null) {
          checks.add(field + ".slotId", "slot " + slot.position() + " is empty");
          continue;
        }
        int sold;
        if (entry.unitsSold() != null) {
          sold = entry.unitsSold();
          checks.check(sold <= slot.quantity(), field + ".unitsSold", "slot " + slot.position()
              + " holds " + slot.quantity() + ", cannot sell " + sold);
        } else {
          sold = slot.quantity() - entry.observedCount();
          checks.check(sold >= 0, field + ".observedCount", "slot " + slot.position() + " held "
              + slot.quantity() + ", cannot now hold " + entry.observedCount()
              + " without a delivery");
        }
        if (sold < 0 || sold > slot.quantity()) {
          continue;
        }
        int after = slot.quantity() - sold;
        changedSlots.add(slot.withQuantity(after));
        records.add(new SaleRecord(UUID.randomUUID(), slot.id(), slot.productId(), sold,
            slot.quantity(), after, now, actor.userId()));
      }
      checks.throwIfAny();
      SlotUpdates.write(store(), changedSlots);
      store().sales().append(records);
      return List.copyOf(records);
    });
  }

  @Override
  public List<SaleRecord> salesOf(UUID slotId) {
    Objects.requireNonNull(slotId, "slotId");
    return read(() -> store().sales().forSlot(slotId));
  }

  @Override
  public Page<SaleRecord> find(Criteria criteria, PageRequest request) {
    return search(SearchFields.SALE, criteria, request,
        (checked, page) -> store().sales().find(checked, page));
  }
}
