package dev.restock.api.report.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The operator's reports; every role may read them. */
@Experimental(since = "0.1")
public interface Reports {

  /** Live devices with cabinet count, location and route, by name; filters may be null. */
  List<DeviceUtilisation> deviceUtilisation(@Nullable UUID routeId, @Nullable UUID locationId);

  /**
   * Slots holding a product at or below {@code percentOfPar} percent of their par level (slots
   * with par 0 are left out), by route, device, cabinet and position; of one route when
   * {@code routeId} is not null.
   *
   * @throws dev.restock.api.error.ValidationException when the percentage is not 0..100
   */
  List<SlotStock> lowStock(@Nullable UUID routeId, int percentOfPar);

  /** Slots holding a product with nothing left, ordered like {@link #lowStock}. */
  List<SlotStock> soldOut(@Nullable UUID routeId);

  /** Warehouse on-hand per product times its price, by sku, with the total. */
  StockValuation stockValue();
}
