package dev.restock.api.picklist;

import dev.restock.api.stability.Stable;
import java.util.List;
import java.util.UUID;

/**
 * A route's pick list: lines per slot (device name, cabinet index, position order) and totals per
 * product (category, then product name). Only slots with something to pick appear.
 */
@Stable(since = "0.1")
public record PickList(
    UUID routeId, String routeCode, String strategyId, List<PickLine> lines,
    List<ProductTotal> totals) {
  public PickList {
    lines = List.copyOf(lines);
    totals = List.copyOf(totals);
  }

  public int totalUnits() {
    return lines.stream().mapToInt(PickLine::pick).sum();
  }
}
