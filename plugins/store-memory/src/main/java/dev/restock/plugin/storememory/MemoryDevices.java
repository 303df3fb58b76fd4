package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Devices with their cabinets, listed by name. Cabinets are written with the device and fixed
 * once created, each with a history of its own; deleting a device deletes its cabinets and their
 * planograms and slots in the same revision, and a restore brings back exactly those.
 */
final class MemoryDevices extends MemoryRepository<Device> implements Devices {
  private MemoryPlanograms planograms;

  MemoryDevices(MemoryDb db) {
    super(db, AuditedType.DEVICE, "device", Device::name,
        List.of(new Unique<>(Device::serialNumber,
            "a live device already has this serial number")),
        List.of(Device::name, Device::serialNumber),
        fields());
  }

  private static Map<String, Function<Device, Object>> fields() {
    Map<String, Function<Device, Object>> fields = new HashMap<>();
    fields.put("name", Device::name);
    fields.put("serialNumber", Device::serialNumber);
    fields.put("locationId", Device::locationId);
    fields.put("routeId", Device::routeId);
    fields.put("deviceTypeId", Device::deviceTypeId);
    return fields;
  }

  void planograms(MemoryPlanograms planograms) {
    this.planograms = planograms;
  }

  @Override
  protected Device with(Device d, long version, AuditStamp stamp, Instant deletedAt) {
    return new Device(d.id(), d.name(), d.serialNumber(), d.locationId(), d.routeId(),
        d.deviceTypeId(), d.cabinets().stream().sorted(Comparator.comparingInt(Cabinet::index))
            .toList(), version, stamp, deletedAt);
  }

  /** A deleted device is read without its cabinets, which were deleted with it. */
  @Override
  protected Device view(Device d) {
    return d.deletedAt() == null ? d : new Device(d.id(), d.name(), d.serialNumber(),
        d.locationId(), d.routeId(), d.deviceTypeId(), List.of(), d.version(), d.stamp(),
        d.deletedAt());
  }

  @Override
  protected Map<String, String> state(Device d) {
    return MemoryStates.device(d);
  }

  @Override
  public Device add(Device device) {
    Set<Integer> indexes = new HashSet<>();
    for (Cabinet c : device.cabinets()) {
      if (!indexes.add(c.index())) {
        throw new ConflictException("the device already has a live cabinet with this index");
      }
    }
    Device added = super.add(device);
    for (Cabinet c : added.cabinets()) {
      db.history.record(AuditedType.CABINET, c.id(), RevisionKind.CREATED,
          MemoryStates.cabinet(added.id(), c, null));
    }
    return added;
  }

  /** Cabinets are fixed once created: an update keeps the stored ones. */
  @Override
  public Device update(Device device) {
    Device current = liveRow(device.id());
    return super.update(new Device(device.id(), device.name(), device.serialNumber(),
        device.locationId(), device.routeId(), device.deviceTypeId(), current.cabinets(),
        device.version(), device.stamp(), device.deletedAt()));
  }

  @Override
  protected void beforeDelete(Device device) {
    for (Cabinet c : device.cabinets()) {
      db.history.record(AuditedType.CABINET, c.id(), RevisionKind.DELETED,
          MemoryStates.cabinet(device.id(), c, null));
    }
    planograms.deleteWithCabinets(device.cabinets().stream().map(Cabinet::id).toList());
  }

  @Override
  protected void afterRestore(Device device, long deletedIn) {
    Instant now = db.now();
    for (Cabinet c : device.cabinets()) {
      db.history.record(AuditedType.CABINET, c.id(), RevisionKind.MODIFIED,
          MemoryStates.cabinet(device.id(), c, now));
    }
    planograms.restoreDeletedWith(device.cabinets().stream().map(Cabinet::id).toList(),
        deletedIn);
  }

  @Override
  public Optional<Device> findBySerialNumber(String serialNumber) {
    return findLive(d -> d.serialNumber().equals(serialNumber));
  }

  @Override
  public List<Device> listByRoute(UUID routeId) {
    return sorted(live().filter(d -> routeId.equals(d.routeId())));
  }

  @Override
  public Optional<Device> findByCabinet(UUID cabinetId) {
    return findLive(d -> d.cabinets().stream().anyMatch(c -> c.id().equals(cabinetId)));
  }

  /** The route of a stored device, deleted or not, or null; for searches of other tables. */
  UUID routeOf(UUID deviceId) {
    Device device = table.get(deviceId);
    return device == null ? null : device.routeId();
  }

  /**
   * The stored devices, deleted or not, holding these cabinets, by cabinet id (absent: none), in
   * one pass; not counted as a read.
   */
  Map<UUID, UUID> devicesOfCabinets(Collection<UUID> cabinetIds) {
    Set<UUID> wanted = Set.copyOf(cabinetIds);
    Map<UUID, UUID> result = new HashMap<>();
    table.all().forEach(d -> d.cabinets().stream().filter(c -> wanted.contains(c.id()))
        .forEach(c -> result.put(c.id(), d.id())));
    return result;
  }

  /** Live devices by the ids of their cabinets. */
  Map<UUID, Device> byCabinet() {
    Map<UUID, Device> result = new HashMap<>();
    live().forEach(d -> d.cabinets().forEach(c -> result.put(c.id(), d)));
    return result;
  }

  List<Device> liveDevices() {
    return sorted(live());
  }
}
