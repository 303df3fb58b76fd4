package dev.restock.plugin.storememory;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.port.out.ServiceOrderStore;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import dev.restock.api.query.Criteria;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Service orders with their visits and lines, one history entry per change of the whole order. */
final class MemoryServiceOrders implements ServiceOrderStore {
  private final MemoryDb db;
  private final Table<UUID, ServiceOrder> table;

  MemoryServiceOrders(MemoryDb db) {
    this.db = db;
    this.table = new Table<>(db);
  }

  private static ServiceOrder with(ServiceOrder o, long version, AuditStamp stamp) {
    List<Visit> visits = o.visits().stream().map(v -> new Visit(v.id(), v.deviceId(),
        v.deviceName(), v.cabinetId(), v.cabinetIndex(), v.status(), v.notes(), v.completedAt(),
        v.lines().stream().sorted(Comparator.comparing(OrderLine::position,
            MemoryPlanograms.POSITIONS)).toList())).toList();
    return new ServiceOrder(o.id(), o.number(), o.routeId(), o.driverId(), o.status(),
        o.strategyId(), o.estimatedMinutes(), o.deliveryNoteId(), o.notes(), visits, version,
        stamp, o.deletedAt());
  }

  @Override
  public ServiceOrder add(ServiceOrder order) {
    Objects.requireNonNull(order, "order");
    Actor actor = db.actor();
    if (table.get(order.id()) != null) {
      throw new ConflictException("a service order with id " + order.id() + " already exists");
    }
    if (table.all().stream().anyMatch(o -> o.number().equals(order.number()))) {
      throw new ConflictException("a service order already has this number");
    }
    long cabinets = order.visits().stream().map(Visit::cabinetId).distinct().count();
    if (cabinets != order.visits().size()) {
      throw new ConflictException("the order already visits this cabinet");
    }
    Instant now = db.now();
    ServiceOrder stored = with(order, 0, Stamps.created(actor, now));
    table.put(stored.id(), stored);
    db.history.record(AuditedType.SERVICE_ORDER, stored.id(), RevisionKind.CREATED,
        MemoryStates.order(stored));
    db.inserts.incrementAndGet();
    return stored;
  }

  @Override
  public ServiceOrder update(ServiceOrder order) {
    Objects.requireNonNull(order, "order");
    Actor actor = db.actor();
    ServiceOrder current = table.get(order.id());
    if (current == null) {
      throw new NotFoundException("service order", order.id());
    }
    Stamps.checkVersion("service order", order.number(), order.version(), current.version());
    ServiceOrder candidate = with(order, current.version(), current.stamp());
    if (candidate.equals(current)) {
      return current;
    }
    ServiceOrder stored = with(order, current.version() + 1, Stamps.updated(current.stamp(),
        actor, db.now()));
    table.put(stored.id(), stored);
    db.history.record(AuditedType.SERVICE_ORDER, stored.id(), RevisionKind.MODIFIED,
        MemoryStates.order(stored));
    db.updates.incrementAndGet();
    return stored;
  }

  @Override
  public Optional<ServiceOrder> find(UUID id) {
    return db.one(Optional.ofNullable(table.get(id)));
  }

  /** The route of a stored order, or null; for searches of other tables (not counted). */
  UUID routeOf(UUID orderId) {
    ServiceOrder order = table.get(orderId);
    return order == null ? null : order.routeId();
  }

  @Override
  public Optional<ServiceOrder> findByNumber(String number) {
    return db.one(table.all().stream().filter(o -> o.number().equals(number)).findFirst());
  }

  private static final Comparator<ServiceOrder> NEWEST_FIRST = Comparator
      .comparing((ServiceOrder o) -> o.stamp().createdAt()).thenComparing(ServiceOrder::number)
      .reversed();

  private static final Map<String, Function<ServiceOrder, Object>> FIELDS = Map.of(
      "number", ServiceOrder::number, "routeId", ServiceOrder::routeId,
      "driverId", ServiceOrder::driverId, "status", ServiceOrder::status,
      "strategyId", ServiceOrder::strategyId, "estimatedMinutes", ServiceOrder::estimatedMinutes,
      "createdAt", o -> o.stamp().createdAt(), "updatedAt", o -> o.stamp().updatedAt());

  @Override
  public Page<ServiceOrder> list(PageRequest request) {
    return page(table.all().stream(), NEWEST_FIRST, request);
  }

  @Override
  public Page<ServiceOrder> find(Criteria criteria, PageRequest request) {
    return page(table.all().stream().filter(Matching.criteria(criteria, FIELDS)),
        Matching.order(criteria, FIELDS, NEWEST_FIRST), request);
  }

  private Page<ServiceOrder> page(java.util.stream.Stream<ServiceOrder> rows,
      Comparator<ServiceOrder> order, PageRequest request) {
    List<ServiceOrder> all = rows.sorted(order).toList();
    List<ServiceOrder> items = all.stream().skip(request.offset()).limit(request.size()).toList();
    return db.counted(Page.of(items, request, all.size()), items.size());
  }

  @Override
  public List<String> openOrderNumbers(UUID driverId) {
    List<String> numbers = table.all().stream()
        .filter(o -> driverId.equals(o.driverId()))
        .filter(o -> o.status() == OrderStatus.ASSIGNED || o.status() == OrderStatus.IN_PROGRESS)
        .map(ServiceOrder::number).sorted().toList();
    return db.counted(numbers, numbers.size());
  }
}
