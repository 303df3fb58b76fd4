package dev.restock.api.report.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import java.util.List;
import java.util.UUID;

/** The reports as a store computes them, each in a fixed number of statements. */
@Experimental(since = "0.1")
public interface ReportQueries {

  List<DeviceUtilisation> deviceUtilisation(UUID routeId, UUID locationId);

  /** Slots with a product whose quantity is at most {@code percentOfPar}% of a par above 0. */
  List<SlotStock> slotsAtOrBelow(UUID routeId, int percentOfPar);

  /** Slots with a product and quantity 0, whatever their par level. */
  List<SlotStock> soldOut(UUID routeId);

  StockValuation stockValue();
}
