package dev.restock.jpa.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One domain audit event (seed 000's audit_log), tied to the revision of its unit of work. */
@Entity
@Table(name = "audit_log")
public class AuditLogEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  // see RevisionEntity: SQLite generates keys only for INTEGER PRIMARY KEY
  @Column(name = "id", columnDefinition = "integer")
  private Long id;

  @Column(name = "revision_id", nullable = false)
  private long revisionId;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "actor_id", length = 36, nullable = false)
  private UUID actorId;

  @Column(name = "action", length = 100, nullable = false)
  private String action;

  @Column(name = "resource_type", length = 50)
  private String resourceType;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "resource_id", length = 36)
  private UUID resourceId;

  @Column(name = "details", length = 4000)
  private String details;

  @Column(name = "client_address", length = 100)
  private String clientAddress;

  @Column(name = "user_agent", length = 500)
  private String userAgent;

  @Column(name = "correlation_id", length = 100)
  private String correlationId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AuditLogEntity() {}

  AuditLogEntity(long revisionId, UUID actorId, String action, String resourceType,
      UUID resourceId, String details, String clientAddress, String userAgent,
      String correlationId, Instant createdAt) {
    this.revisionId = revisionId;
    this.actorId = actorId;
    this.action = action;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.details = details;
    this.clientAddress = clientAddress;
    this.userAgent = userAgent;
    this.correlationId = correlationId;
    this.createdAt = createdAt;
  }

  long revisionId() { return revisionId; }
  UUID actorId() { return actorId; }
  String action() { return action; }
  String resourceType() { return resourceType; }
  UUID resourceId() { return resourceId; }
  String details() { return details; }
  String clientAddress() { return clientAddress; }
  String userAgent() { return userAgent; }
  String correlationId() { return correlationId; }
  Instant createdAt() { return createdAt; }
}
