package dev.restock.api.picklist.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.picklist.PickList;
import dev.restock.api.stability.Experimental;
import java.time.LocalDate;
import java.util.UUID;

/** Computes what a route needs, without writing anything. */
@Stable(since = "0.1")
public interface PickListPreview {

  /** The id of the strategy used when none is named: {@value}. */
  String DEFAULT_STRATEGY = "fill-to-par";

  /**
   * The pick list of a route's live devices' active planograms under a strategy, for today in
   * the engine clock's zone.
   *
   * @throws dev.restock.api.error.NotFoundException when the route is not live
   * @throws dev.restock.api.error.ValidationException when the strategy id is unknown; the
   *     message lists the known ids
   */
  PickList preview(UUID routeId, String strategyId);

  /**
   * The pick list of a route for a service date: the strategy's {@link
   * dev.restock.api.spi.PlanContext#date()} is {@code serviceDate} instead of today. What the
   * slots hold and the sales window are read as they are now.
   *
   * @throws dev.restock.api.error.NotFoundException when the route is not live
   * @throws dev.restock.api.error.ValidationException when the strategy id is unknown (the
   *     message lists the known ids) or {@code serviceDate} is missing
   */
  @Experimental(since = "0.2")
  PickList preview(UUID routeId, String strategyId, LocalDate serviceDate);

  /** {@link #preview(UUID, String)} with the {@linkplain #DEFAULT_STRATEGY default strategy}. */
  default PickList preview(UUID routeId) {
    return preview(routeId, DEFAULT_STRATEGY);
  }
}
