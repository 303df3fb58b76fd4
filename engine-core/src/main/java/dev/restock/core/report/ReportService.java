package dev.restock.core.report;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import dev.restock.api.report.port.in.Reports;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.util.List;
import java.util.UUID;

/** The operator's reports, read in one unit of work each. */
public final class ReportService extends UseCase implements Reports {

  public ReportService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public List<DeviceUtilisation> deviceUtilisation(UUID routeId, UUID locationId) {
    return read(() -> store().reports().deviceUtilisation(routeId, locationId));
  }

  @Override
  public List<SlotStock> lowStock(UUID routeId, int percentOfPar) {
    if (percentOfPar < 0 || percentOfPar > 100) {
      throw ValidationException.of("percentOfPar", "must be between 0 and 100 (was "
          + percentOfPar + ")");
    }
    return read(() -> store().reports().slotsAtOrBelow(routeId, percentOfPar));
  }

  @Override
  public List<SlotStock> soldOut(UUID routeId) {
    return read(() -> store().reports().soldOut(routeId));
  }

  @Override
  public StockValuation stockValue() {
    return read(() -> store().reports().stockValue());
  }
}
