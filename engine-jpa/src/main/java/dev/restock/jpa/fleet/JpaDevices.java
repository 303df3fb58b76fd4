package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.jpa.shared.JpaRepository;
import dev.restock.jpa.shared.StoreContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices with their cabinets in the JPA store. */
public final class JpaDevices extends JpaRepository<Device, DeviceEntity> implements Devices {
  public JpaDevices(StoreContext store) {
    super(DeviceEntity.class, "device", "name", false, store);
  }

  @Override protected Device toDomain(DeviceEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected DeviceEntity newEntity(Device d) { return new DeviceEntity(d); }
  @Override protected void copy(Device d, DeviceEntity e) { e.copy(d); }
  @Override protected String what() { return "device"; }
  @Override protected String orderProperty() { return "name"; }

  /**
   * Soft-deletes the device alone. Its cabinets stay as they are (hidden with their device), so
   * they are detached first: Hibernate would otherwise refuse a flush in which loaded cabinets
   * point at a removed device.
   */
  @Override
  public void softDelete(UUID id) {
    liveEntity(id).cabinetEntities().forEach(session()::detach);
    super.softDelete(id);
  }

  @Override
  public Optional<Device> findBySerialNumber(String serialNumber) {
    return session().createSelectionQuery(
            "from DeviceEntity e left join fetch e.cabinets where e.serialNumber = :serial",
            DeviceEntity.class)
        .setParameter("serial", serialNumber).getResultStream().findFirst()
        .map(e -> e.toDomain(null));
  }

  @Override
  public List<Device> listByRoute(UUID routeId) {
    return session().createSelectionQuery(
            "select distinct e from DeviceEntity e left join fetch e.cabinets"
                + " where e.routeId = :route order by e.name, e.id", DeviceEntity.class)
        .setParameter("route", routeId).getResultList().stream().map(e -> e.toDomain(null))
        .toList();
  }

  @Override
  public Optional<Device> findByCabinet(UUID cabinetId) {
    return session().createSelectionQuery(
            "select distinct e from DeviceEntity e left join fetch e.cabinets"
                + " where e.id = (select c.device.id from CabinetEntity c where c.id = :cabinet)",
            DeviceEntity.class)
        .setParameter("cabinet", cabinetId).getResultStream().findFirst()
        .map(e -> e.toDomain(null));
  }
}
