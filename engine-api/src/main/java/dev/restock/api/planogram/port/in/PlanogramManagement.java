package dev.restock.api.planogram.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
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
   * Sets one slot of the cabinet's active planogram (see {@link SetSlot} for what each null field
   * means): the slot at the command's position is changed, or added when the position is free;
   * the other slots are not touched (same ids, same quantities, no revision). Recorded as a
   * planogram update ({@code planogram.update}): the same permission, an audit event, and a
   * revision of the planogram and of the slot, under the session actor's reason. A command that
   * changes nothing writes nothing and returns the planogram as it is. A concurrent change of the
   * same planogram is retried like an update.
   *
   * @return the planogram after the change
   * @throws dev.restock.api.error.NotFoundException when the cabinet has no active planogram
   * @throws dev.restock.api.error.ValidationException naming every problem of the slot as it
   *     would be after the change, with the command's field names (position outside the grid,
   *     product not live, capacity or par level missing for a new slot, par or quantity above the
   *     capacity, par or quantity above 0 in an empty slot, a price for an empty slot); nothing
   *     is written
   */
  @Experimental(since = "0.2")
  Planogram setSlot(UUID cabinetId, SetSlot command);
}
