package dev.restock.api.report.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reports as a store computes them, each in a fixed number of statements (see {@link
 * dev.restock.api.spi.Store}). Reports count live rows only: soft-deleted devices, cabinets,
 * planograms, slots, products, locations and routes are left out. Call inside a unit of work.
 * Checked by {@code StoreContract} and {@code ReportContract}.
 */
@Experimental(since = "0.1")
public interface ReportQueries {

  /**
   * Every live device, optionally only those on one route and at one location, with its number of
   * live cabinets and the names of its live location and route (null when it has none, and null
   * when its location or route was deleted; checked by the kit), ordered by device name, then id.
   *
   * @param routeId only devices on this route; null for every route
   * @param locationId only devices at this location; null for every location
   */
  List<DeviceUtilisation> deviceUtilisation(@Nullable UUID routeId, @Nullable UUID locationId);

  /**
   * Slots with a live product whose quantity is at most {@code percentOfPar}% of a par above 0,
   * in the active planograms of live devices on live routes; {@code percentOfPar} of each is
   * rounded down. Ordered by route code, device name, cabinet index and position: see {@link
   * #soldOut} for the order of positions.
   *
   * @param routeId only slots of devices on this route; null for every route
   * @param percentOfPar the threshold, 0 to 100 (the engine checks the range)
   */
  List<SlotStock> slotsAtOrBelow(@Nullable UUID routeId, int percentOfPar);

  /**
   * Slots with a live product and quantity 0, whatever their par level, in the active planograms
   * of live devices on live routes, ordered by route code, device name, cabinet index and
   * position. Positions come in grid order: by row, then by column as a number ({@code A2} before
   * {@code A10}, {@code A12} before {@code B1}); checked by the kit for this report and {@link
   * #slotsAtOrBelow}.
   *
   * @param routeId only slots of devices on this route; null for every route
   */
  List<SlotStock> soldOut(@Nullable UUID routeId);

  /**
   * The value of the warehouse stock: one line per live product with a stock row, in sku order,
   * worth its on-hand units times its price rounded to cents (half up); the total is their sum.
   */
  StockValuation stockValue();
}
