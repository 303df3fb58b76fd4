package dev.restock.api.serviceorder;

import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One cabinet to service within an order, with its lines.
 *
 * <p>A visit is PENDING until it is {@linkplain #complete completed} or {@linkplain #skip
 * skipped}, once; both return the visit in its new state or throw {@link
 * IllegalStateTransitionException} naming from and to. They are pure: nothing is stored until a
 * use case saves the order holding the result.
 *
 * @param deviceName the device's name when the order was created (the order is a document)
 * @param notes the skip reason or the driver's notes, may be null
 * @param completedAt when the visit was completed or skipped, null while pending
 */
@Stable(since = "0.1")
public record Visit(
    UUID id, UUID deviceId, String deviceName, UUID cabinetId, int cabinetIndex,
    VisitStatus status, @Nullable String notes, @Nullable Instant completedAt, List<OrderLine> lines) {
  public Visit {
    lines = List.copyOf(lines);
  }

  public Optional<OrderLine> lineForSlot(UUID slotId) {
    return lines.stream().filter(l -> l.slotId().equals(slotId)).findFirst();
  }

  public int plannedUnits() {
    return lines.stream().mapToInt(OrderLine::planned).sum();
  }

  /**
   * PENDING → COMPLETED at {@code at}: each line delivered as {@code deliveredBySlot} says for
   * its slot, or as planned when its slot is not listed. Checking the quantities against the
   * slots is the use case's job; this only records them.
   *
   * @param deliveredBySlot units delivered per slot id; slots of no line are ignored
   * @throws IllegalStateTransitionException when the visit is not PENDING
   */
  @Experimental(since = "0.2")
  public Visit complete(Map<UUID, Integer> deliveredBySlot, @Nullable String driverNotes,
      Instant at) {
    Objects.requireNonNull(deliveredBySlot, "deliveredBySlot");
    Objects.requireNonNull(at, "at");
    requirePending(VisitStatus.COMPLETED);
    List<OrderLine> delivered = lines.stream()
        .map(l -> l.withDelivered(deliveredBySlot.getOrDefault(l.slotId(), l.planned()))).toList();
    return new Visit(id, deviceId, deviceName, cabinetId, cabinetIndex, VisitStatus.COMPLETED,
        driverNotes, at, delivered);
  }

  /**
   * PENDING → SKIPPED at {@code at} with a reason: every line delivered 0.
   *
   * @throws IllegalStateTransitionException when the visit is not PENDING
   */
  @Experimental(since = "0.2")
  public Visit skip(String reason, Instant at) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    requirePending(VisitStatus.SKIPPED);
    return new Visit(id, deviceId, deviceName, cabinetId, cabinetIndex, VisitStatus.SKIPPED,
        reason, at, lines.stream().map(l -> l.withDelivered(0)).toList());
  }

  /** Throws unless this visit is PENDING, naming the refused change to {@code to}. */
  void requirePending(VisitStatus to) {
    if (status != VisitStatus.PENDING) {
      throw new IllegalStateTransitionException("visit " + describe() + " cannot go from "
          + status + " to " + to + ": it is already " + status + "; a visit is closed once");
    }
  }

  /** How messages name this visit: device, cabinet and id. */
  String describe() {
    return deviceName + " cabinet " + cabinetIndex + " (" + id + ")";
  }
}
