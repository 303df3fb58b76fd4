package dev.restock.jpa.fleet;

import dev.restock.api.fleet.DeviceType;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;

@Entity
@Table(name = "device_type")
@Audited
@jakarta.persistence.Cacheable
@org.hibernate.annotations.Cache(usage = org.hibernate.annotations.CacheConcurrencyStrategy.READ_WRITE)
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class DeviceTypeEntity extends BaseEntity {
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "max_cabinets", nullable = false)
  private int maxCabinets;

  protected DeviceTypeEntity() {}

  public DeviceTypeEntity(DeviceType t) {
    this.id = t.id();
    copy(t);
  }

  public void copy(DeviceType t) {
    name = t.name();
    maxCabinets = t.maxCabinets();
  }

  public DeviceType toDomain(Instant deletedAt) {
    return new DeviceType(id, name, maxCabinets, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("name", name).put("maxCabinets", maxCabinets).map();
  }
}
