package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Device;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * A device and its cabinets. Cabinets cascade on persist only: soft-deleting a device leaves its
 * cabinets in place (hidden with it), so a restore brings the device back whole.
 */
@Entity
@Table(name = "device")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class DeviceEntity extends BaseEntity {
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "serial_number", length = 64, nullable = false)
  private String serialNumber;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "location_id", length = 36, nullable = false)
  private UUID locationId;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "route_id", length = 36)
  private UUID routeId;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "device_type_id", length = 36, nullable = false)
  private UUID deviceTypeId;

  @OneToMany(mappedBy = "device", cascade = CascadeType.PERSIST)
  @OrderBy("cabinetIndex")
  private List<CabinetEntity> cabinets = new ArrayList<>();

  protected DeviceEntity() {}

  public DeviceEntity(Device d) {
    this.id = d.id();
    copy(d);
    d.cabinets().forEach(c -> cabinets.add(new CabinetEntity(this, c)));
  }

  List<CabinetEntity> cabinetEntities() {
    return cabinets;
  }

  /** Copies the device's own fields; cabinets are fixed once created. */
  public void copy(Device d) {
    name = d.name();
    serialNumber = d.serialNumber();
    locationId = d.locationId();
    routeId = d.routeId();
    deviceTypeId = d.deviceTypeId();
  }

  public Device toDomain(Instant deletedAt) {
    return new Device(id, name, serialNumber, locationId, routeId, deviceTypeId,
        cabinets.stream().map(CabinetEntity::toDomain)
            .sorted(java.util.Comparator.comparingInt(dev.restock.api.fleet.Cabinet::index))
            .toList(),
        version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("name", name).put("serialNumber", serialNumber)
        .put("locationId", locationId).put("routeId", routeId).put("deviceTypeId", deviceTypeId)
        .map();
  }
}
