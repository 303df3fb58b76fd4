package dev.restock.api.picklist;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A route's pick list: lines per slot (device name, cabinet index, position order) and totals per
 * product (category, then product name). Only slots with something to pick appear.
 *
 * @param routeId the route
 * @param routeCode its code
 * @param strategyId the strategy that planned it
 * @param lines what to load, per slot
 * @param totals what to pre-kit, per product
 * @param outcome what the planning saw and decided, to explain an empty or short list; null when
 *     the list was not planned just now (a service order's stored lines read back)
 */
@Stable(since = "0.1")
public record PickList(
    UUID routeId, String routeCode, String strategyId, List<PickLine> lines,
    List<ProductTotal> totals, @Experimental(since = "0.2") @Nullable PlanOutcome outcome) {

  /** Copies the lines and totals. */
  @Experimental(since = "0.2")
  public PickList {
    lines = List.copyOf(lines);
    totals = List.copyOf(totals);
  }

  /** A pick list without a plan outcome, as 0.1 built them. */
  public PickList(
      UUID routeId, String routeCode, String strategyId, List<PickLine> lines,
      List<ProductTotal> totals) {
    this(routeId, routeCode, strategyId, lines, totals, null);
  }

  /** Units over all lines. */
  public int totalUnits() {
    return lines.stream().mapToInt(PickLine::pick).sum();
  }
}
