package dev.restock.jpa.fleet;

import dev.restock.api.fleet.CabinetType;
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
@Table(name = "cabinet_type")
@Audited
@jakarta.persistence.Cacheable
@org.hibernate.annotations.Cache(usage = org.hibernate.annotations.CacheConcurrencyStrategy.READ_WRITE)
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class CabinetTypeEntity extends BaseEntity {
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  protected CabinetTypeEntity() {}

  public CabinetTypeEntity(CabinetType t) {
    this.id = t.id();
    copy(t);
  }

  public void copy(CabinetType t) {
    name = t.name();
  }

  public CabinetType toDomain(Instant deletedAt) {
    return new CabinetType(id, name, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("name", name).map();
  }
}
