package dev.restock.api.planogram.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import java.util.UUID;

/** Manage planograms and their slots. */
@Stable(since = "0.1")
public interface PlanogramManagement
    extends ManageAggregate<Planogram, CreatePlanogram, UpdatePlanogram> {

  /** @throws dev.restock.api.error.NotFoundException when the cabinet has no active planogram */
  Planogram activeFor(UUID cabinetId);

  /**
   * Sets one slot of the cabinet's active planogram (see {@link
   * dev.restock.api.planogram.SetSlot}); the other slots are not touched.
   *
   * @return the planogram after the change
   * @throws dev.restock.api.error.NotFoundException when the cabinet has no active planogram
   * @throws dev.restock.api.error.ValidationException naming every bad field; nothing is written
   */
  @dev.restock.api.stability.Experimental(since = "0.2")
  dev.restock.api.planogram.Planogram setSlot(UUID cabinetId,
      dev.restock.api.planogram.SetSlot command);
}
