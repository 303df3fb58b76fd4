package dev.restock.api.serviceorder;

import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A route's service order: which cabinets a driver visits and what to load for each slot.
 * Orders are never deleted; they are cancelled.
 *
 * <p>The lifecycle lives here: {@link #assign}, {@link #dispatch}, {@link #cancel}, {@link
 * #closeVisit} and {@link #complete} each return the order in its new state (the identity,
 * version and stamp unchanged, for the store to advance) or throw {@link
 * IllegalStateTransitionException} naming the state it is in and the state asked for. They are
 * pure: nothing is stored until a use case saves the result.
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

  /**
   * PENDING or ASSIGNED → ASSIGNED to {@code driverId}: a first assignment, or a reassignment to
   * another driver, possible until the order is dispatched. Assigning the same driver again
   * returns an equal order.
   *
   * @throws IllegalStateTransitionException from IN_PROGRESS, COMPLETED or CANCELLED
   */
  @Experimental(since = "0.2")
  public ServiceOrder assign(UUID driverId) {
    Objects.requireNonNull(driverId, "driverId");
    requireFrom(OrderStatus.ASSIGNED, "it can be (re)assigned only until it is dispatched",
        OrderStatus.PENDING, OrderStatus.ASSIGNED);
    return with(driverId, OrderStatus.ASSIGNED, deliveryNoteId, notes, visits);
  }

  /**
   * ASSIGNED → IN_PROGRESS, with the delivery note issued for it.
   *
   * @throws IllegalStateTransitionException from any other status
   */
  @Experimental(since = "0.2")
  public ServiceOrder dispatch(UUID deliveryNoteId) {
    Objects.requireNonNull(deliveryNoteId, "deliveryNoteId");
    requireFrom(OrderStatus.IN_PROGRESS, "only an ASSIGNED order can be dispatched",
        OrderStatus.ASSIGNED);
    return with(driverId, OrderStatus.IN_PROGRESS, deliveryNoteId, notes, visits);
  }

  /**
   * PENDING or ASSIGNED → CANCELLED, the reason kept as the order's notes.
   *
   * @throws IllegalStateTransitionException from IN_PROGRESS, COMPLETED or CANCELLED
   */
  @Experimental(since = "0.2")
  public ServiceOrder cancel(String reason) {
    Objects.requireNonNull(reason, "reason");
    requireFrom(OrderStatus.CANCELLED, "only a PENDING or ASSIGNED order can be cancelled",
        OrderStatus.PENDING, OrderStatus.ASSIGNED);
    return with(driverId, OrderStatus.CANCELLED, deliveryNoteId, reason, visits);
  }

  /**
   * IN_PROGRESS → COMPLETED, once no visit is pending any more.
   *
   * @throws IllegalStateTransitionException from any other status, or while a visit is pending
   */
  @Experimental(since = "0.2")
  public ServiceOrder complete() {
    requireFrom(OrderStatus.COMPLETED, "only an order IN_PROGRESS can be completed",
        OrderStatus.IN_PROGRESS);
    long pending = visits.stream().filter(v -> v.status() == VisitStatus.PENDING).count();
    if (pending > 0) {
      throw new IllegalStateTransitionException("service order " + number + " cannot go from "
          + status + " to " + OrderStatus.COMPLETED + ": " + pending + " visit(s) still PENDING");
    }
    return with(driverId, OrderStatus.COMPLETED, deliveryNoteId, notes, visits);
  }

  /**
   * The pending visit {@code visitId} of this order in progress, which a driver is about to
   * take to {@code to} (COMPLETED or SKIPPED); use cases check this before anything else.
   *
   * @throws IllegalStateTransitionException when the order is not IN_PROGRESS, or the visit is
   *     no longer PENDING
   * @throws NotFoundException when the order has no such visit
   */
  @Experimental(since = "0.2")
  public Visit pendingVisit(UUID visitId, VisitStatus to) {
    requireFrom(OrderStatus.IN_PROGRESS, "its visits can be serviced only while it is in progress",
        OrderStatus.IN_PROGRESS);
    Visit visit = visit(visitId)
        .orElseThrow(() -> new NotFoundException("visit of " + number, visitId));
    visit.requirePending(to);
    return visit;
  }

  /**
   * The order with one of its pending visits replaced by its closed (completed or skipped)
   * state; COMPLETED when that was the last pending visit, else still IN_PROGRESS.
   *
   * @throws IllegalStateTransitionException when the order is not IN_PROGRESS, the visit was not
   *     pending, or {@code closed} is still pending
   * @throws NotFoundException when the order has no visit with {@code closed}'s id
   */
  @Experimental(since = "0.2")
  public ServiceOrder closeVisit(Visit closed) {
    if (closed.status() == VisitStatus.PENDING) {
      throw new IllegalStateTransitionException("visit " + closed.describe() + " of " + number
          + " is closed only as COMPLETED or SKIPPED, not PENDING");
    }
    pendingVisit(closed.id(), closed.status());
    List<Visit> replaced = visits.stream()
        .map(v -> v.id().equals(closed.id()) ? closed : v).toList();
    ServiceOrder next = with(driverId, status, deliveryNoteId, notes, replaced);
    return replaced.stream().anyMatch(v -> v.status() == VisitStatus.PENDING) ? next
        : next.complete();
  }

  private void requireFrom(OrderStatus to, String rule, OrderStatus... allowed) {
    for (OrderStatus from : allowed) {
      if (status == from) {
        return;
      }
    }
    throw new IllegalStateTransitionException("service order " + number + " cannot go from "
        + status + " to " + to + ": " + rule);
  }

  private ServiceOrder with(@Nullable UUID driver, OrderStatus newStatus, @Nullable UUID note,
      @Nullable String newNotes, List<Visit> newVisits) {
    return new ServiceOrder(id, number, routeId, driver, newStatus, strategyId, estimatedMinutes,
        note, newNotes, newVisits, version, stamp, deletedAt);
  }
}
