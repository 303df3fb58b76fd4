package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Location;
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
@Table(name = "location")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class LocationEntity extends BaseEntity {
  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "address", length = 500)
  private String address;

  protected LocationEntity() {}

  public LocationEntity(Location l) {
    this.id = l.id();
    copy(l);
  }

  public void copy(Location l) {
    name = l.name();
    address = l.address();
  }

  public Location toDomain(Instant deletedAt) {
    return new Location(id, name, address, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("name", name).put("address", address).map();
  }
}
