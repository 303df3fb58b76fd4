package dev.restock.core.planogram;

import dev.restock.api.fleet.Cabinet;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.validation.Checks;
import dev.restock.api.spi.Store;
import java.util.List;
import java.util.UUID;

/** Building and activating new planograms; shared by planogram and device set-up use cases. */
public final class PlanogramDrafts {
  private PlanogramDrafts() {}

  /** A new active planogram for a cabinet; problems go to {@code checks} under {@code prefix}. */
  public static Planogram build(
      Store store, UUID id, Cabinet cabinet, String name, List<SlotSpec> specs, String prefix,
      Checks checks) {
    var slots = SlotRules.build(specs, cabinet, SlotRules.products(store, specs), List.of(),
        prefix, checks);
    return new Planogram(id, cabinet.id(), name, true, slots, 0, AuditStamp.NEW, null);
  }

  /**
   * Deactivates the cabinet's current planogram, then stores the new active one. Must run inside
   * a write unit of work.
   */
  public static Planogram activate(Store store, Planogram planogram) {
    store.planograms().findActiveByCabinet(planogram.cabinetId()).ifPresent(old ->
        store.planograms().update(new Planogram(old.id(), old.cabinetId(), old.name(), false,
            old.slots(), old.version(), old.stamp(), old.deletedAt())));
    return store.planograms().add(planogram);
  }
}
