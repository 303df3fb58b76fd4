package dev.restock.jpa.mapping;

import dev.restock.api.audit.Actor;
import dev.restock.api.aggregate.AuditStamp;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * Identity, optimistic version and audit stamp of every aggregate root. UUIDs are stored as
 * 36-character text so that the three databases hold the same values.
 */
@MappedSuperclass
@Audited
public abstract class BaseEntity {
  @Id
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "id", length = 36, nullable = false, updatable = false)
  protected UUID id;

  @Version
  @Column(name = "version", nullable = false)
  protected long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  protected Instant createdAt;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "created_by", length = 36, nullable = false, updatable = false)
  protected UUID createdBy;

  @Column(name = "updated_at", nullable = false)
  protected Instant updatedAt;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "updated_by", length = 36, nullable = false)
  protected UUID updatedBy;

  public UUID getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public void stampCreated(Actor actor, Instant now) {
    createdAt = now;
    createdBy = actor.userId();
    stampUpdated(actor, now);
  }

  public void stampUpdated(Actor actor, Instant now) {
    updatedAt = now;
    updatedBy = actor.userId();
  }

  /**
   * Stamps a restore, which must change the row so that Envers writes it as a revision of its own:
   * stamps are kept to the millisecond, so a restore in the same millisecond as the entity's last
   * change (or under a clock that stands still) would otherwise leave it unchanged, and history
   * would end at the deletion while the row is live. The stamp is then one millisecond after the
   * last one, which keeps stamps in the order the changes happened.
   */
  public void stampRestored(Actor actor, Instant now) {
    Instant stamp = updatedAt != null && !now.isAfter(updatedAt) ? updatedAt.plusMillis(1) : now;
    stampUpdated(actor, stamp);
  }

  public AuditStamp stamp() {
    return new AuditStamp(createdAt, createdBy, updatedAt, updatedBy);
  }

  /** Business fields as text for history; stamp and version left out so diffs show what matters. */
  public abstract Map<String, String> auditState();
}
