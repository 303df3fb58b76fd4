package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The layout of one cabinet: which product sits in which slot, with capacity, par and quantity.
 * At most one live planogram per cabinet is active.
 *
 * @param slots ordered by position (row, then column)
 */
@Stable(since = "0.1")
public record Planogram(
    UUID id, UUID cabinetId, String name, boolean active, List<Slot> slots, long version,
    AuditStamp stamp, @Nullable Instant deletedAt) implements Aggregate {
  public Planogram {
    slots = List.copyOf(slots);
  }

  public Optional<Slot> slot(UUID slotId) {
    return slots.stream().filter(s -> s.id().equals(slotId)).findFirst();
  }

  public Optional<Slot> slotAt(String position) {
    return slots.stream().filter(s -> s.position().equalsIgnoreCase(position)).findFirst();
  }

  public Planogram withSlots(List<Slot> newSlots) {
    return new Planogram(id, cabinetId, name, active, newSlots, version, stamp, deletedAt);
  }
}
