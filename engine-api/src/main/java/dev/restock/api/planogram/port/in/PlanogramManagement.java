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
}
