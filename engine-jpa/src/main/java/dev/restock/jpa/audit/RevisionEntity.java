package dev.restock.jpa.audit;

import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.RevisionInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.hibernate.type.SqlTypes;

/** One Envers revision: a committed unit of work with who, what action, why and from where. */
@Entity
@Table(name = "audit_revision")
@org.hibernate.envers.RevisionEntity(RevisionStamper.class)
public class RevisionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @RevisionNumber
  // SQLite only generates keys for a column declared exactly INTEGER PRIMARY KEY; the definition
  // lets validation accept that there while H2 and PostgreSQL keep their bigint identity
  @Column(name = "id", columnDefinition = "integer")
  private Long id;

  @RevisionTimestamp
  @Column(name = "revision_time", nullable = false)
  private long timestamp;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "actor_id", length = 36, nullable = false)
  private UUID actorId;

  @Column(name = "action", length = 100, nullable = false)
  private String action;

  @Column(name = "reason", length = 500)
  private String reason;

  @Column(name = "client_address", length = 100)
  private String clientAddress;

  @Column(name = "user_agent", length = 500)
  private String userAgent;

  @Column(name = "correlation_id", length = 100)
  private String correlationId;

  // written by the hash chain at commit through JDBC, read by verification; never by Hibernate
  @Column(name = "chain_seq", insertable = false, updatable = false)
  private Long chainSeq;

  @Column(name = "prev_hash", length = 64, insertable = false, updatable = false)
  private String prevHash;

  @Column(name = "hash", length = 64, insertable = false, updatable = false)
  private String hash;

  public Long getId() {
    return id;
  }

  void fill(AuditContext context) {
    correlationId = context.actor().correlationId();
    actorId = context.actor().userId();
    action = context.action();
    reason = context.actor().reason();
    clientAddress = context.actor().clientAddress();
    userAgent = context.actor().userAgent();
  }

  RevisionInfo toInfo() {
    return new RevisionInfo(id, Instant.ofEpochMilli(timestamp), actorId, action, reason,
        clientAddress, userAgent, correlationId);
  }
}
