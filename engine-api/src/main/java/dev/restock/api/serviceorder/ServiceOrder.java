package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A route's service order: which cabinets a driver visits and what to load for each slot.
 * Orders are never deleted; they are cancelled.
 *
 * @param number {@code SO-<year>-<6 digits>}, unique and gapless per year
 * @param driverId the assigned driver, null until assigned
 * @param strategyId the pick-list strategy that computed the lines
 * @param estimatedMinutes minutes per visit times the number of visits
 * @param deliveryNoteId the delivery note issued at dispatch, null before
 * @param notes cancellation reason or other remarks, may be null
 */
@Stable(since = "0.1")
public record ServiceOrder(
    UUID id, String number, UUID routeId, @Nullable UUID driverId, OrderStatus status, String strategyId,
    int estimatedMinutes, @Nullable UUID deliveryNoteId, @Nullable String notes, List<Visit> visits, long version,
    AuditStamp stamp, @Nullable Instant deletedAt) implements Aggregate {
  public ServiceOrder {
    visits = List.copyOf(visits);
  }

  public int totalUnits() {
    return visits.stream().mapToInt(Visit::plannedUnits).sum();
  }

  public Optional<Visit> visit(UUID visitId) {
    return visits.stream().filter(v -> v.id().equals(visitId)).findFirst();
  }
}
