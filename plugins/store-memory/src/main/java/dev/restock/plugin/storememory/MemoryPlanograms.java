package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotLocation;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Planograms with their slots, listed by name; at most one live, active planogram per cabinet.
 * Slots keep a history of their own: an update matches them by id (changed ones modified, new
 * ones created, missing ones deleted).
 */
final class MemoryPlanograms extends MemoryRepository<Planogram> implements Planograms {
  /** Row, then column, of grid codes such as {@code B10}; other codes after them, as text. */
  static final Comparator<String> POSITIONS = Comparator
      .comparingLong(MemoryPlanograms::gridOrder).thenComparing(Comparator.naturalOrder());
  static final Comparator<Slot> BY_POSITION = Comparator.comparing(Slot::position, POSITIONS);

  private static long gridOrder(String position) {
    try {
      return Positions.row(position) * 100_000L + Positions.column(position);
    } catch (RuntimeException notAGridCode) {
      return Long.MAX_VALUE;
    }
  }

  private final MemoryDevices devices;

  MemoryPlanograms(MemoryDb db, MemoryDevices devices) {
    super(db, AuditedType.PLANOGRAM, "planogram", Planogram::name,
        List.of(new Unique<>(p -> p.active() ? p.cabinetId() : null,
            "the cabinet already has an active planogram")),
        List.of(Planogram::name),
        Map.of("name", Planogram::name, "cabinetId", Planogram::cabinetId,
            "active", Planogram::active));
    this.devices = devices;
  }

  @Override
  protected Planogram with(Planogram p, long version, AuditStamp stamp, Instant deletedAt) {
    return new Planogram(p.id(), p.cabinetId(), p.name(), p.active(),
        p.slots().stream().sorted(BY_POSITION).toList(), version, stamp, deletedAt);
  }

  /** A deleted planogram is read without its slots, which were deleted with it. */
  @Override
  protected Planogram view(Planogram p) {
    return p.deletedAt() == null ? p : p.withSlots(List.of());
  }

  @Override
  protected Map<String, String> state(Planogram p) {
    return MemoryStates.planogram(p);
  }

  private static void checkPositions(Planogram p) {
    Set<String> positions = new HashSet<>();
    Set<UUID> ids = new HashSet<>();
    for (Slot s : p.slots()) {
      if (!positions.add(s.position())) {
        throw new ConflictException("the planogram already has a live slot at this position");
      }
      if (!ids.add(s.id())) {
        throw new ConflictException("a slot with id " + s.id() + " appears twice");
      }
    }
  }

  @Override
  public Planogram add(Planogram planogram) {
    checkPositions(planogram);
    Planogram added = super.add(planogram);
    for (Slot s : added.slots()) {
      db.history.record(AuditedType.SLOT, s.id(), RevisionKind.CREATED,
          MemoryStates.slot(added.id(), s, null));
    }
    return added;
  }

  @Override
  protected void beforeUpdate(Planogram current, Planogram changed) {
    checkPositions(changed);
    Map<UUID, Slot> before = new LinkedHashMap<>();
    current.slots().forEach(s -> before.put(s.id(), s));
    for (Slot s : changed.slots()) {
      Slot old = before.remove(s.id());
      if (old == null) {
        db.history.record(AuditedType.SLOT, s.id(), RevisionKind.CREATED,
            MemoryStates.slot(changed.id(), s, null));
      } else if (!old.equals(s)) {
        db.history.record(AuditedType.SLOT, s.id(), RevisionKind.MODIFIED,
            MemoryStates.slot(changed.id(), s, null));
      }
    }
    for (Slot gone : before.values()) {
      db.history.record(AuditedType.SLOT, gone.id(), RevisionKind.DELETED,
          MemoryStates.slot(changed.id(), gone, null));
    }
  }

  @Override
  protected void beforeDelete(Planogram planogram) {
    for (Slot s : planogram.slots()) {
      db.history.record(AuditedType.SLOT, s.id(), RevisionKind.DELETED,
          MemoryStates.slot(planogram.id(), s, null));
    }
  }

  @Override
  protected void afterRestore(Planogram planogram, long deletedIn) {
    Instant now = db.now();
    for (Slot s : planogram.slots()) {
      db.history.record(AuditedType.SLOT, s.id(), RevisionKind.MODIFIED,
          MemoryStates.slot(planogram.id(), s, now));
    }
  }

  /** Deletes the live planograms of these cabinets with their slots (a device's deletion). */
  void deleteWithCabinets(Collection<UUID> cabinetIds) {
    for (Planogram p : live().filter(p -> cabinetIds.contains(p.cabinetId())).toList()) {
      softDelete(p.id());
    }
  }

  /** Restores the planograms of these cabinets deleted by revision {@code deletedIn}. */
  void restoreDeletedWith(Collection<UUID> cabinetIds, long deletedIn) {
    List<Planogram> deleted = rows(dev.restock.api.query.Visibility.ONLY_DELETED)
        .filter(p -> cabinetIds.contains(p.cabinetId()))
        .filter(p -> deletedIn != 0 && db.history.lastDeletion(AuditedType.PLANOGRAM, p.id())
            == deletedIn)
        .toList();
    deleted.forEach(p -> restore(p.id()));
  }

  @Override
  public Optional<Planogram> findActiveByCabinet(UUID cabinetId) {
    return findLive(p -> p.active() && p.cabinetId().equals(cabinetId));
  }

  @Override
  public List<Planogram> findActiveByCabinets(Collection<UUID> cabinetIds) {
    Set<UUID> wanted = Set.copyOf(cabinetIds);
    return sorted(live().filter(p -> p.active() && wanted.contains(p.cabinetId())));
  }

  @Override
  public List<Planogram> findBySlotIds(Collection<UUID> slotIds) {
    Set<UUID> wanted = Set.copyOf(slotIds);
    return sorted(live().filter(p -> p.slots().stream().anyMatch(s -> wanted.contains(s.id()))));
  }

  /**
   * The devices of slots their stored planograms hold (deleted planograms keep their slots), by
   * slot id (absent: none), in one pass over planograms and one over devices; for other tables,
   * not counted as a read.
   */
  Map<UUID, UUID> devicesOfSlots(Collection<UUID> slotIds) {
    Set<UUID> wanted = Set.copyOf(slotIds);
    Map<UUID, UUID> cabinetOfSlot = new HashMap<>();
    table.all().forEach(p -> p.slots().stream().filter(s -> wanted.contains(s.id()))
        .forEach(s -> cabinetOfSlot.put(s.id(), p.cabinetId())));
    Map<UUID, UUID> deviceOfCabinet = devices.devicesOfCabinets(cabinetOfSlot.values());
    Map<UUID, UUID> result = new HashMap<>();
    cabinetOfSlot.forEach((slot, cabinet) -> {
      UUID device = deviceOfCabinet.get(cabinet);
      if (device != null) {
        result.put(slot, device);
      }
    });
    return result;
  }

  /** Live planograms by the ids of their slots. */
  private Map<UUID, Planogram> bySlot(Collection<UUID> slotIds) {
    Set<UUID> wanted = Set.copyOf(slotIds);
    Map<UUID, Planogram> result = new HashMap<>();
    live().forEach(p -> p.slots().stream().filter(s -> wanted.contains(s.id()))
        .forEach(s -> result.put(s.id(), p)));
    return result;
  }

  @Override
  public Map<UUID, Slot> findSlots(Collection<UUID> slotIds) {
    Map<UUID, Slot> result = new HashMap<>();
    bySlot(slotIds).forEach((id, p) -> result.put(id, p.slot(id).orElseThrow()));
    return db.counted(result, result.size());
  }

  @Override
  public void updateSlots(Collection<Slot> slots) {
    db.writeUnit();
    Map<UUID, Planogram> holders = bySlot(slots.stream().map(Slot::id).toList());
    for (Slot s : slots) {
      if (!holders.containsKey(s.id())) {
        throw new NotFoundException("slot", s.id());
      }
    }
    Map<UUID, Map<UUID, Slot>> changedByPlanogram = new LinkedHashMap<>();
    for (Slot s : slots) {
      Planogram p = holders.get(s.id());
      Slot old = p.slot(s.id()).orElseThrow();
      Slot kept = new Slot(s.id(), old.position(), s.productId(), s.capacity(), s.parLevel(),
          s.quantity(), s.price());
      if (!kept.equals(old)) {
        changedByPlanogram.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).put(s.id(), kept);
        db.history.record(AuditedType.SLOT, s.id(), RevisionKind.MODIFIED,
            MemoryStates.slot(p.id(), kept, null));
        db.updates.incrementAndGet();
      }
    }
    changedByPlanogram.forEach((planogramId, changed) -> {
      Planogram p = table.get(planogramId);
      List<Slot> merged = p.slots().stream().map(s -> changed.getOrDefault(s.id(), s)).toList();
      table.put(planogramId, p.withSlots(merged));
    });
  }

  @Override
  public List<SlotLocation> liveSlotsHolding(UUID productId) {
    Map<UUID, Device> devicesByCabinet = devices.byCabinet();
    List<SlotLocation> found = new ArrayList<>();
    live().forEach(p -> {
      Device d = devicesByCabinet.get(p.cabinetId());
      if (d == null) {
        return;
      }
      int index = d.cabinets().stream().filter(c -> c.id().equals(p.cabinetId())).findFirst()
          .orElseThrow().index();
      p.slots().stream().filter(s -> productId.equals(s.productId())).forEach(s -> found.add(
          new SlotLocation(s.id(), s.position(), p.id(), d.id(), d.name(), index)));
    });
    List<SlotLocation> result = found.stream()
        .sorted(Comparator.comparing(SlotLocation::deviceName)
            .thenComparingInt(SlotLocation::cabinetIndex)
            .thenComparing(SlotLocation::position, POSITIONS))
        .toList();
    return db.counted(result, result.size());
  }
}
