package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One cabinet to service within an order, with its lines.
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
}
