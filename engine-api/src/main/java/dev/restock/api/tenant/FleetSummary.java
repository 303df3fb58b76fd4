package dev.restock.api.tenant;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one view across tenants: for the service company, each active tenant's size and open work.
 *
 * @param at when it was read
 * @param tenants one line per active tenant, by id
 * @since 0.3
 */
@Experimental(since = "0.3")
public record FleetSummary(Instant at, List<Line> tenants) {

  /** Checks the components. */
  public FleetSummary {
    Objects.requireNonNull(at, "at");
    tenants = List.copyOf(tenants);
  }

  /**
   * One tenant's figures.
   *
   * @param tenantId the tenant
   * @param name its display name
   * @param routes live routes
   * @param devices live devices (machines)
   * @param openOrders service orders neither completed nor cancelled
   * @since 0.3
   */
  @Experimental(since = "0.3")
  public record Line(String tenantId, String name, long routes, long devices, long openOrders) {}
}
