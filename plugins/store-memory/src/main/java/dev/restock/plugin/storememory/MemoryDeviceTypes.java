package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Device types, listed by name. */
final class MemoryDeviceTypes extends MemoryRepository<DeviceType> implements DeviceTypes {
  MemoryDeviceTypes(MemoryDb db) {
    super(db, AuditedType.DEVICE_TYPE, "device type", DeviceType::name, List.of(),
        List.of(DeviceType::name),
        Map.of("name", DeviceType::name, "maxCabinets", DeviceType::maxCabinets));
  }

  @Override
  protected DeviceType with(DeviceType t, long version, AuditStamp stamp, Instant deletedAt) {
    return new DeviceType(t.id(), t.name(), t.maxCabinets(), version, stamp, deletedAt);
  }

  @Override
  protected Map<String, String> state(DeviceType t) {
    return MemoryStates.deviceType(t);
  }
}
