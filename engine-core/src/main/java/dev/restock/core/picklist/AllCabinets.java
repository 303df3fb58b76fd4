package dev.restock.core.picklist;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.VisitPolicy;

/** The default visit policy: every cabinet with an active planogram gets a visit. */
public final class AllCabinets implements VisitPolicy {
  public static final String ID = "all-cabinets";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
    return true;
  }
}
