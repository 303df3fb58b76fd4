package dev.restock.api.picklist.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.picklist.PickList;
import java.util.UUID;

/** Computes what a route needs, without writing anything. */
@Stable(since = "0.1")
public interface PickListPreview {

  /** The id of the strategy used when none is named: {@value}. */
  String DEFAULT_STRATEGY = "fill-to-par";

  /**
   * The pick list of a route's live devices' active planograms under a strategy.
   *
   * @throws dev.restock.api.error.NotFoundException when the route is not live
   * @throws dev.restock.api.error.ValidationException when the strategy id is unknown; the
   *     message lists the known ids
   */
  PickList preview(UUID routeId, String strategyId);

  default PickList preview(UUID routeId) {
    return preview(routeId, DEFAULT_STRATEGY);
  }
}
