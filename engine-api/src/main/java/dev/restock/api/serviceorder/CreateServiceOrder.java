package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to create an order for a route: either an explicit list of cabinets, or (when
 * {@code cabinetIds} is null) the cabinets the visit policy selects.
 *
 * @param cabinetIds cabinets to visit, or null to let the policy choose; never empty, and no
 *     element null ({@code cabinetIds[i]: is required})
 * @param visitPolicyId policy used when {@code cabinetIds} is null; null means {@code all-cabinets}
 * @param strategyId pick-list strategy; null means {@code fill-to-par}
 * @param options pick options; null means none
 */
@Stable(since = "0.1")
public record CreateServiceOrder(
    UUID routeId, @Nullable List<UUID> cabinetIds, @Nullable String visitPolicyId, @Nullable String strategyId,
    @Nullable PickOptions options) {
  public static final String DEFAULT_POLICY = "all-cabinets";
  public static final String DEFAULT_STRATEGY = "fill-to-par";

  public CreateServiceOrder {
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<UUID> given = cabinetIds == null ? null : new ArrayList<>(cabinetIds);
    visitPolicyId = visitPolicyId == null ? DEFAULT_POLICY : visitPolicyId;
    strategyId = strategyId == null ? DEFAULT_STRATEGY : strategyId;
    options = options == null ? PickOptions.NONE : options;
    Checks checks = new Checks().notNull(routeId, "routeId")
        .identifier(visitPolicyId, "visitPolicyId", 64)
        .identifier(strategyId, "strategyId", 64);
    if (given != null) {
      checks.check(!given.isEmpty(), "cabinetIds", "select at least one cabinet")
          .noNullElements(given, "cabinetIds");
      Set<UUID> seen = new HashSet<>();
      for (int i = 0; i < given.size(); i++) {
        UUID id = given.get(i);
        checks.check(id == null || seen.add(id), "cabinetIds[" + i + "]",
            "cabinet " + id + " is selected twice");
      }
    }
    checks.throwIfAny();
    cabinetIds = given == null ? null : List.copyOf(given);
  }

  /** An order for every cabinet the policy selects, with the default strategy. */
  public static CreateServiceOrder forRoute(UUID routeId) {
    return new CreateServiceOrder(routeId, null, null, null, null);
  }
}
