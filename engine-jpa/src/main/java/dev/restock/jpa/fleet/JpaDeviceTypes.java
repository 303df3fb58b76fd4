package dev.restock.jpa.fleet;

import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;

/** Device types in the JPA store. */
public final class JpaDeviceTypes extends JpaRepository<DeviceType, DeviceTypeEntity>
    implements DeviceTypes {
  public JpaDeviceTypes(StoreContext store) {
    super(DeviceTypeEntity.class, "device_type", "name", false, store);
  }

  @Override protected DeviceType toDomain(DeviceTypeEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected DeviceTypeEntity newEntity(DeviceType t) { return new DeviceTypeEntity(t); }
  @Override protected void copy(DeviceType t, DeviceTypeEntity e) { e.copy(t); }
  @Override protected String what() { return "device type"; }
  @Override protected String orderProperty() { return "name"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.DEVICE_TYPE; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("name", "name", "maxCabinets", "max_cabinets");
  }
}
