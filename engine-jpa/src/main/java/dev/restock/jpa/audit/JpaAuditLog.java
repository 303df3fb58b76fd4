package dev.restock.jpa.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.port.out.AuditLog;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.jpa.repository.CriteriaSql;
import dev.restock.jpa.tx.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.query.SelectionQuery;

/**
 * The audit_log table: events are written in the unit of work of the change they describe,
 * linked to its history revision, and so commit or roll back with it.
 */
public final class JpaAuditLog implements AuditLog {
  private final StoreDialect dialect;

  /** @param dialect the database's dialect, which says how text sorts by code point */
  public JpaAuditLog(StoreDialect dialect) {
    this.dialect = dialect;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public AuditEvent accept(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    Session session = UnitOfWork.requireWrite().session();
    RevisionEntity revision = AuditReaderFactory.get(session)
        .getCurrentRevision(RevisionEntity.class, true);
    session.persist(new AuditLogEntity(revision.getId(), event.actorId(), event.action(),
        event.resourceType(), event.resourceId(), json(event.details()), event.clientAddress(),
        event.userAgent(), event.correlationId(), event.at()));
    return new AuditEvent(revision.getId(), event.at(), event.actorId(), event.action(),
        event.resourceType(), event.resourceId(), event.details(), event.clientAddress(),
        event.userAgent(), event.correlationId());
  }

  @Override
  public List<AuditEvent> events(UUID actorId, String resourceType, UUID resourceId,
      Instant since) {
    StringBuilder hql = new StringBuilder("from AuditLogEntity a where 1 = 1");
    if (actorId != null) {
      hql.append(" and a.actorId = :actor");
    }
    if (resourceType != null) {
      hql.append(" and a.resourceType = :type");
    }
    if (resourceId != null) {
      hql.append(" and a.resourceId = :resource");
    }
    if (since != null) {
      hql.append(" and a.createdAt >= :since");
    }
    hql.append(" order by a.createdAt, a.id");
    SelectionQuery<AuditLogEntity> query =
        UnitOfWork.currentSession().createSelectionQuery(hql.toString(), AuditLogEntity.class);
    if (actorId != null) {
      query.setParameter("actor", actorId);
    }
    if (resourceType != null) {
      query.setParameter("type", resourceType);
    }
    if (resourceId != null) {
      query.setParameter("resource", resourceId);
    }
    if (since != null) {
      query.setParameter("since", since);
    }
    return query.getResultList().stream().map(JpaAuditLog::toEvent).toList();
  }

  private static AuditEvent toEvent(AuditLogEntity a) {
    return new AuditEvent(a.revisionId(), a.createdAt(), a.actorId(), a.action(),
        a.resourceType(), a.resourceId(), details(a.details()), a.clientAddress(), a.userAgent(),
        a.correlationId());
  }

  /** Columns of the searchable fields (constants). */
  private static final Map<String, String> COLUMNS = Map.of("at", "a.created_at",
      "actorId", "a.actor_id", "action", "a.action", "resourceType", "a.resource_type",
      "resourceId", "a.resource_id", "clientAddress", "a.client_address",
      "userAgent", "a.user_agent", "correlationId", "a.correlation_id");

  /** The count in one statement, the page in another. */
  @Override
  public Page<AuditEvent> find(Criteria criteria, PageRequest request) {
    CriteriaSql sql = CriteriaSql.of(criteria, COLUMNS, "audit event",
        SearchFields.AUDIT_EVENT, dialect);
    Session session = UnitOfWork.currentSession();
    String from = "from audit_log a where 1 = 1";
    return Page.of(sql.page(session, "select a.*", from, "a.created_at desc, a.id desc",
        AuditLogEntity.class, request).stream().map(JpaAuditLog::toEvent).toList(), request,
        sql.count(session, from));
  }

  @Override
  public List<ActivitySummary> activity(UUID actorId, Instant since) {
    Objects.requireNonNull(since, "since");
    SelectionQuery<Object[]> query = UnitOfWork.currentSession().createSelectionQuery(
        "select a.actorId, a.action, count(*), max(a.createdAt) from AuditLogEntity a"
            + " where a.createdAt >= :since" + (actorId != null ? " and a.actorId = :actor" : "")
            + " group by a.actorId, a.action order by count(*) desc, "
            + dialect.hqlTextSortKey("a.action"),
        Object[].class).setParameter("since", since);
    if (actorId != null) {
      query.setParameter("actor", actorId);
    }
    return query.getResultList().stream().map(r -> new ActivitySummary((UUID) r[0],
        (String) r[1], ((Number) r[2]).longValue(), (Instant) r[3])).toList();
  }

  private static String json(Map<String, String> details) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(details));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render audit details", e);
    }
  }

  private static Map<String, String> details(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit details are not a JSON object: " + json, e);
    }
  }
}
