package dev.restock.jpa.fleet;

import dev.restock.api.fleet.Cabinet;
import dev.restock.jpa.mapping.AuditState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** One cabinet of a device; written with its device, audited on its own. */
@Entity
@Table(name = "cabinet")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class CabinetEntity {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "device_id", nullable = false, updatable = false)
  private DeviceEntity device;

  @Column(name = "cabinet_index", nullable = false)
  private int cabinetIndex;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "cabinet_type_id", length = 36, nullable = false)
  private UUID cabinetTypeId;

  @Column(name = "grid_rows", nullable = false)
  private int gridRows;

  @Column(name = "grid_columns", nullable = false)
  private int gridColumns;

  /** Set when the entity is restored after a soft delete, so history records the restore. */
  @Column(name = "restored_at")
  private java.time.Instant restoredAt;

    protected CabinetEntity() {}

  /** Records a restore as a real change, so Envers writes it as a revision of its own. */
  /**
   * Marks a restore with its device. The mark must change so that Envers writes the restore as a
   * revision of its own, even a second restore within the same millisecond: then it is one
   * millisecond after the last mark.
   */
  public void markRestored(java.time.Instant at) {
    restoredAt = restoredAt != null && !at.isAfter(restoredAt) ? restoredAt.plusMillis(1) : at;
  }

  CabinetEntity(DeviceEntity device, Cabinet c) {
    this.id = c.id();
    this.device = device;
    this.cabinetIndex = c.index();
    this.cabinetTypeId = c.cabinetTypeId();
    this.gridRows = c.rows();
    this.gridColumns = c.columns();
  }

  public UUID getId() {
    return id;
  }

  Cabinet toDomain() {
    return new Cabinet(id, cabinetIndex, cabinetTypeId, gridRows, gridColumns);
  }

  public Map<String, String> auditState() {
    return new AuditState().put("deviceId", device == null ? null : device.getId())
        .put("index", cabinetIndex).put("cabinetTypeId", cabinetTypeId).put("rows", gridRows)
        .put("columns", gridColumns).put("restoredAt", restoredAt).map();
  }
}
