package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Route;
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
@Table(name = "route")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class RouteEntity extends BaseEntity {
  @Column(name = "code", length = 32, nullable = false)
  private String code;

  @Column(name = "name", length = 200, nullable = false)
  private String name;

  @Column(name = "visit_interval_days", nullable = false)
  private int visitIntervalDays;

  protected RouteEntity() {}

  public RouteEntity(Route r) {
    this.id = r.id();
    copy(r);
  }

  public void copy(Route r) {
    code = r.code();
    name = r.name();
    visitIntervalDays = r.visitIntervalDays();
  }

  public Route toDomain(Instant deletedAt) {
    return new Route(id, code, name, visitIntervalDays, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("code", code).put("name", name)
        .put("visitIntervalDays", visitIntervalDays).map();
  }
}
