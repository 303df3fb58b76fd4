package dev.restock.jpa.serviceorder;

import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.port.out.ServiceOrderStore;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.jpa.repository.StoreContext;
import dev.restock.jpa.tx.UnitOfWork;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.jpa.repository.CriteriaSql;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Service orders in the JPA store. An order is read with its visits and lines in three
 * statements whatever its size: the orders, their visits, the visits' lines.
 */
public final class JpaServiceOrders implements ServiceOrderStore {
  private final StoreContext store;

  public JpaServiceOrders(StoreContext store) {
    this.store = store;
  }

  private static Session session() {
    return UnitOfWork.currentSession();
  }

  @Override
  public ServiceOrder add(ServiceOrder order) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    ServiceOrderEntity entity = new ServiceOrderEntity(order, store.crypto());
    entity.stampCreated(unit.context().actor(), store.now());
    session().persist(entity);
    // the lines documents after the visits they reference: no mapped association tells
    // Hibernate's insert ordering so, hence the two flushes (two batches, whatever the size)
    session().flush();
    for (Visit visit : order.visits()) {
      session().persist(new VisitLinesEntity(visit.id(), visit.lines()));
    }
    session().flush();
    return entity.toDomain(store.crypto());
  }

  @Override
  public ServiceOrder update(ServiceOrder order) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    ServiceOrderEntity entity = load(List.of(order.id())).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("service order", order.id()));
    if (entity.getVersion() != order.version()) {
      throw new ConflictException("service order " + order.number() + " was changed by someone "
          + "else (version " + order.version() + ", now " + entity.getVersion()
          + "); read it again and retry");
    }
    if (!entity.toDomain(store.crypto()).equals(order)) {
      entity.copy(order, store.crypto());
      syncLinesDocuments(order);
      entity.stampUpdated(unit.context().actor(),
          store.now());
      session().flush();
    }
    return entity.toDomain(store.crypto());
  }

  /**
   * Rewrites the lines document of every visit whose lines changed, in one read. An order created
   * before schema version 7 has no documents: a visit gets its first one when its lines change.
   */
  private static void syncLinesDocuments(ServiceOrder order) {
    Map<UUID, VisitLinesEntity> documents = new HashMap<>();
    session().createSelectionQuery("from VisitLinesEntity d where d.id in :ids",
            VisitLinesEntity.class)
        .setParameter("ids", order.visits().stream().map(Visit::id).toList())
        .getResultList().forEach(d -> documents.put(d.getId(), d));
    for (Visit visit : order.visits()) {
      VisitLinesEntity document = documents.get(visit.id());
      if (document == null) {
        session().persist(new VisitLinesEntity(visit.id(), visit.lines()));
      } else {
        document.update(visit.lines());
      }
    }
  }

  @Override
  public Optional<ServiceOrder> find(UUID id) {
    return load(List.of(id)).stream().findFirst().map(e -> e.toDomain(store.crypto()));
  }

  /**
   * Locks the order row first (Hibernate's dialect renders the lock: {@code for update} or its
   * equivalent on PostgreSQL and H2, nothing on SQLite, whose write units are serial), then reads
   * the visits and lines: read after the lock, they include every change committed before it.
   */
  @Override
  public Optional<ServiceOrder> findForUpdate(UUID id) {
    if (dev.restock.jpa.repository.Finds.find(session(), ServiceOrderEntity.class, id,
        LockModeType.PESSIMISTIC_WRITE) == null) {
      return Optional.empty();
    }
    return find(id);
  }

  @Override
  public Optional<ServiceOrder> findByNumber(String number) {
    List<UUID> ids = session().createSelectionQuery(
            "select o.id from ServiceOrderEntity o where o.number = :n", UUID.class)
        .setParameter("n", number).getResultList();
    return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
  }

  @Override
  public List<String> openOrderNumbers(UUID driverId) {
    return session().createSelectionQuery("select o.number from ServiceOrderEntity o "
            + "where o.driverId = :driver and o.status in (:open) order by o.number", String.class)
        .setParameter("driver", driverId)
        .setParameter("open", List.of(OrderStatus.ASSIGNED, OrderStatus.IN_PROGRESS))
        .getResultList();
  }

  @Override
  public Page<ServiceOrder> list(PageRequest request) {
    long total = session().createSelectionQuery("select count(o) from ServiceOrderEntity o",
        Long.class).getSingleResult();
    List<UUID> ids = session().createSelectionQuery(
            "select o.id from ServiceOrderEntity o order by o.createdAt desc, o.number desc",
            UUID.class)
        .setFirstResult((int) request.offset()).setMaxResults(request.size()).getResultList();
    List<ServiceOrderEntity> orders = load(ids);
    return Page.of(ids.stream().map(id -> orders.stream().filter(o -> o.getId().equals(id))
        .findFirst().orElseThrow().toDomain(store.crypto())).toList(), request, total);
  }

  /** Columns of the searchable fields (constants). */
  private static final Map<String, String> COLUMNS = Map.of("number", "o.number",
      "routeId", "o.route_id", "driverId", "o.driver_id", "status", "o.status",
      "strategyId", "o.strategy_id", "estimatedMinutes", "o.estimated_minutes",
      "createdAt", "o.created_at", "updatedAt", "o.updated_at");

  /** The ids of a page in one statement, the orders with visits and lines in three more. */
  @Override
  public Page<ServiceOrder> find(Criteria criteria, PageRequest request) {
    CriteriaSql sql = CriteriaSql.of(criteria, COLUMNS, "service order",
        SearchFields.SERVICE_ORDER, store.dialect());
    String from = "from service_order o where 1 = 1";
    long total = sql.count(session(), from);
    List<UUID> ids = sql.page(session(), "select o.id", from, "o.created_at desc, o.number desc",
        String.class, request).stream().map(UUID::fromString).toList();
    List<ServiceOrderEntity> orders = load(ids);
    return Page.of(ids.stream().map(id -> orders.stream().filter(o -> o.getId().equals(id))
        .findFirst().orElseThrow().toDomain(store.crypto())).toList(), request, total);
  }

  /** Orders with visits and lines in three statements. */
  private static List<ServiceOrderEntity> load(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<ServiceOrderEntity> orders = session().createSelectionQuery(
            "select distinct o from ServiceOrderEntity o left join fetch o.visits where o.id in :ids",
            ServiceOrderEntity.class)
        .setParameter("ids", ids).getResultList();
    session().createSelectionQuery(
            "select distinct v from VisitEntity v left join fetch v.lines where v.order.id in :ids",
            VisitEntity.class)
        .setParameter("ids", ids).getResultList();
    return orders;
  }
}
