package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.jpa.planogram.PlanogramEntity;
import dev.restock.jpa.planogram.SlotEntity;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.mapping.SoftDeleteCascade;
import dev.restock.jpa.tx.UnitOfWork;
import dev.restock.jpa.repository.StoreContext;
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
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.DEVICE; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("name", "name", "serialNumber", "serial_number", "locationId", "location_id", "routeId", "route_id", "deviceTypeId", "device_type_id");
  }
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("name", "serial_number"); }

  /**
   * Soft-deletes the device with its live cabinets, their planograms and slots, in this unit of
   * work: history gets one deletion for each, all in the same revision.
   */
  @Override
  public void softDelete(UUID id) {
    UnitOfWork.requireWrite();
    DeviceEntity device = liveEntity(id);
    List<CabinetEntity> cabinets = List.copyOf(device.cabinetEntities());
    List<UUID> cabinetIds = cabinets.stream().map(CabinetEntity::getId).toList();
    List<PlanogramEntity> planograms = cabinetIds.isEmpty() ? List.of()
        : session().createSelectionQuery("from PlanogramEntity p where p.cabinetId in :c",
            PlanogramEntity.class).setParameter("c", cabinetIds).getResultList();
    List<SlotEntity> slots = planograms.isEmpty() ? List.of()
        : session().createSelectionQuery("from SlotEntity s where s.planogram in :p",
            SlotEntity.class).setParameter("p", planograms).getResultList();
    slots.forEach(session()::remove);
    planograms.forEach(session()::remove);
    cabinets.forEach(session()::remove);
    session().remove(device);
    session().flush();
  }

  /**
   * Restores the device and exactly the cabinets, planograms and slots deleted with it (those
   * deleted in its deletion's revision); each gets a restore revision.
   */
  @Override
  public Device restore(UUID id) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    long rev = SoftDeleteCascade.deletionRevision(session(), "device_aud", id);
    List<UUID> cabinets = SoftDeleteCascade.deletedWith(session(), "cabinet_aud", "device_id",
        List.of(id), rev);
    List<UUID> planograms = SoftDeleteCascade.deletedWith(session(), "planogram_aud",
        "cabinet_id", cabinets, rev);
    List<UUID> slots = SoftDeleteCascade.deletedWith(session(), "slot_aud", "planogram_id",
        planograms, rev);
    SoftDeleteCascade.undelete(session(), "slot", slots);
    SoftDeleteCascade.undelete(session(), "planogram", planograms);
    SoftDeleteCascade.undelete(session(), "cabinet", cabinets);
    Device restored = super.restore(id);
    Instant now = now();
    if (!cabinets.isEmpty()) {
      session().createSelectionQuery("from CabinetEntity c where c.id in :ids", CabinetEntity.class)
          .setParameter("ids", cabinets).getResultList().forEach(c -> c.markRestored(now));
    }
    if (!planograms.isEmpty()) {
      session().createSelectionQuery("from PlanogramEntity p where p.id in :ids",
              PlanogramEntity.class).setParameter("ids", planograms).getResultList()
          .forEach(p -> p.stampRestored(unit.context().actor(), now));
    }
    if (!slots.isEmpty()) {
      session().createSelectionQuery("from SlotEntity s where s.id in :ids", SlotEntity.class)
          .setParameter("ids", slots).getResultList().forEach(s -> s.markRestored(now));
    }
    session().flush();
    return restored;
  }

  /** The cabinets of a whole page in one statement, whatever the page size. */
  @Override
  protected void loadChildren(List<DeviceEntity> devices) {
    if (!devices.isEmpty()) {
      session().createSelectionQuery(
              "select distinct d from DeviceEntity d left join fetch d.cabinets where d in :ds",
              DeviceEntity.class)
          .setParameter("ds", devices).getResultList();
    }
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
            // no distinct: Hibernate returns each device once despite the fetch join, and
            // PostgreSQL refuses a distinct whose order by is not selected (the collated name)
            "select e from DeviceEntity e left join fetch e.cabinets"
                + " where e.routeId = :route order by " + store.dialect().hqlTextSortKey("e.name")
                + ", e.id", DeviceEntity.class)
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
