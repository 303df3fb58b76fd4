package dev.restock.core.serviceorder;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.serviceorder.port.in.ServiceOrders;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.picklist.PickListCalculator;
import dev.restock.core.picklist.RouteData;
import dev.restock.core.planogram.SlotUpdates;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service order use cases: creation from the shared pick-list computation, the lifecycle, stock
 * taken at dispatch and slots filled at visit completion. Every call is one unit of work.
 */
public final class ServiceOrderService extends UseCase implements ServiceOrders {

  public ServiceOrderService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  // ------------------------------------------------------------------------------------ create

  @Override
  public ServiceOrder create(CreateServiceOrder command) {
    Objects.requireNonNull(command, "command");
    PickListStrategy strategy = ctx.strategies().require(command.strategyId());
    VisitPolicy policy = command.cabinetIds() == null
        ? ctx.policies().require(command.visitPolicyId()) : null;
    return write("service-order.create", () -> {
      RouteData data = RouteData.load(store(), command.routeId(), strategy.salesWindowDays(),
          ctx.clock());
      Map<UUID, Device> deviceByCabinet = new HashMap<>();
      Map<UUID, Device> deviceById = new HashMap<>();
      Map<UUID, Cabinet> cabinetById = new HashMap<>();
      for (Device d : data.devices()) {
        deviceById.put(d.id(), d);
        for (Cabinet c : d.cabinets()) {
          deviceByCabinet.put(c.id(), d);
          cabinetById.put(c.id(), c);
        }
      }
      Set<UUID> selected = new LinkedHashSet<>();
      if (command.cabinetIds() != null) {
        Checks checks = new Checks();
        for (int i = 0; i < command.cabinetIds().size(); i++) {
          UUID id = command.cabinetIds().get(i);
          checks.check(cabinetById.containsKey(id), "cabinetIds[" + i + "]", "cabinet " + id
              + " is not a cabinet of a live device on route " + data.route().code());
          selected.add(id);
        }
        checks.throwIfAny();
      } else {
        // the policy sees the sales of its own window, whatever window the strategy asked for
        RouteData forPolicy = data.withSalesWindow(store(), policy.salesWindowDays(), ctx.clock());
        for (CabinetSnapshot cabinet : forPolicy.cabinets()) {
          if (policy.needsVisit(cabinet, forPolicy.context())) {
            selected.add(cabinet.cabinetId());
          }
        }
        if (selected.isEmpty()) {
          throw ValidationException.of("visitPolicyId", "visit policy '" + policy.id()
              + "' selects no cabinet of route " + data.route().code() + ": nothing to visit");
        }
      }
      PickList list = PickListCalculator.compute(data, selected, strategy, command.options());
      Map<UUID, List<OrderLine>> linesByCabinet = new HashMap<>();
      for (PickLine line : list.lines()) {
        UUID cabinetId = deviceById.get(line.deviceId()).cabinet(line.cabinetIndex())
            .orElseThrow().id();
        linesByCabinet.computeIfAbsent(cabinetId, k -> new ArrayList<>()).add(new OrderLine(
            UUID.randomUUID(), line.slotId(), line.position(), line.productId(), line.pick(),
            null));
      }
      List<Visit> visits = new ArrayList<>();
      for (UUID cabinetId : selected) {
        Device device = deviceByCabinet.get(cabinetId);
        visits.add(new Visit(UUID.randomUUID(), device.id(), device.name(), cabinetId,
            cabinetById.get(cabinetId).index(), VisitStatus.PENDING, null, null,
            linesByCabinet.getOrDefault(cabinetId, List.of())));
      }
      String number = number("SO");
      return store().serviceOrders().add(new ServiceOrder(UUID.randomUUID(), number,
          data.route().id(), null, OrderStatus.PENDING, strategy.id(),
          visits.size() * ctx.minutesPerVisit(), null, null, visits, 0, AuditStamp.NEW, null));
    });
  }

  private String number(String prefix) {
    int year = ctx.clock().instant().atZone(ZoneOffset.UTC).getYear();
    long next = store().numberSeries().next(prefix + "-" + year);
    return String.format("%s-%d-%06d", prefix, year, next);
  }

  // ------------------------------------------------------------------------------------ reads

  @Override
  public ServiceOrder get(UUID orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return read(() -> order(orderId));
  }

  @Override
  public ServiceOrder getByNumber(String number) {
    Objects.requireNonNull(number, "number");
    return read(() -> store().serviceOrders().findByNumber(number.strip())
        .orElseThrow(() -> new NotFoundException("service order", number)));
  }

  @Override
  public Page<ServiceOrder> list(PageRequest request) {
    Objects.requireNonNull(request, "request");
    return read(() -> store().serviceOrders().list(request));
  }

  @Override
  public Page<ServiceOrder> find(dev.restock.api.query.Criteria criteria, PageRequest request) {
    return search(dev.restock.api.query.SearchFields.SERVICE_ORDER, criteria, request,
        (checked, page) -> store().serviceOrders().find(checked, page));
  }

  @Override
  public PickList pickList(UUID orderId, boolean roundTotalsToCasePack) {
    Objects.requireNonNull(orderId, "orderId");
    return read(() -> {
      ServiceOrder order = order(orderId);
      Map<UUID, Slot> slots = SlotUpdates.slots(store(), order.visits().stream()
          .flatMap(v -> v.lines().stream()).map(OrderLine::slotId).toList());
      Map<UUID, Product> products = products(order);
      List<PickLine> lines = new ArrayList<>();
      Map<UUID, int[]> units = new LinkedHashMap<>();
      for (Visit v : order.visits()) {
        for (OrderLine l : v.lines()) {
          Slot slot = slots.get(l.slotId());
          Product p = products.get(l.productId());
          lines.add(new PickLine(v.deviceId(), v.deviceName(), v.cabinetIndex(), l.slotId(),
              l.position(), p.id(), p.sku(), p.name(), slot == null ? 0 : slot.capacity(),
              slot == null ? 0 : slot.parLevel(), slot == null ? 0 : slot.quantity(),
              l.planned()));
          units.computeIfAbsent(p.id(), k -> new int[1])[0] += l.planned();
        }
      }
      String routeCode = store().routes().find(order.routeId(), Visibility.INCLUDE_DELETED)
          .map(r -> r.code()).orElse("?");
      return new PickList(order.routeId(), routeCode, order.strategyId(), lines,
          PickListCalculator.totals(units, products, roundTotalsToCasePack));
    });
  }

  // ------------------------------------------------------------------------------------ lifecycle

  @Override
  public ServiceOrder assign(UUID orderId, UUID driverId) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(driverId, "driverId");
    return write("service-order.assign", () -> {
      ServiceOrder order = orderForUpdate(orderId);
      require(order, OrderStatus.PENDING, "assigned");
      User driver = store().users().find(driverId, Visibility.LIVE).orElseThrow(
          () -> ValidationException.of("driverId", "no live user with id " + driverId));
      new Checks()
          .check(driver.role() == Role.DRIVER, "driverId",
              "user " + driver.username() + " has role " + driver.role() + ", not DRIVER")
          .check(driver.active(), "driverId", "user " + driver.username() + " is not active")
          .throwIfAny();
      return store().serviceOrders().update(with(order, driver.id(), OrderStatus.ASSIGNED,
          order.deliveryNoteId(), order.notes(), order.visits()));
    });
  }

  @Override
  public DeliveryNote dispatch(UUID orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return write("service-order.dispatch", () -> {
      ServiceOrder order = orderForUpdate(orderId);
      requireAssigned(order.driverId(), "service-order.dispatch", "service order " + order.number());
      require(order, OrderStatus.ASSIGNED, "dispatched");
      Map<UUID, Integer> needed = new LinkedHashMap<>();
      order.visits().forEach(v -> v.lines().forEach(
          l -> needed.merge(l.productId(), l.planned(), Integer::sum)));
      Map<UUID, Product> products = products(order);
      Map<UUID, Integer> onHand = store().stock().onHandForUpdate(needed.keySet());
      List<InsufficientStockException.Shortage> shortages = new ArrayList<>();
      Map<UUID, Integer> after = new LinkedHashMap<>();
      needed.forEach((product, units) -> {
        int available = onHand.getOrDefault(product, 0);
        if (available < units) {
          shortages.add(new InsufficientStockException.Shortage(product,
              products.get(product).sku(), units, available));
        }
        after.put(product, available - units);
      });
      if (!shortages.isEmpty()) {
        throw new InsufficientStockException(shortages);
      }
      store().stock().set(after);
      List<DeliveryNoteLine> lines = needed.entrySet().stream()
          .map(e -> new DeliveryNoteLine(e.getKey(), products.get(e.getKey()).sku(), e.getValue()))
          .sorted(java.util.Comparator.comparing(DeliveryNoteLine::sku)).toList();
      DeliveryNote note = store().deliveryNotes().add(new DeliveryNote(UUID.randomUUID(),
          number("DN"), order.id(), order.number(), ctx.now(), lines));
      store().serviceOrders().update(with(order, order.driverId(), OrderStatus.IN_PROGRESS,
          note.id(), order.notes(), order.visits()));
      return note;
    });
  }

  @Override
  public ServiceOrder completeVisit(UUID orderId, UUID visitId, CompleteVisit command) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(visitId, "visitId");
    Objects.requireNonNull(command, "command");
    return write("service-order.complete-visit", () -> {
      ServiceOrder order = orderForUpdate(orderId);
      requireAssigned(order.driverId(), "service-order.complete-visit",
          "service order " + order.number());
      Visit visit = pendingVisit(order, visitId, "completed");
      Checks checks = new Checks();
      command.delivered().keySet().forEach(slot -> checks.check(visit.lineForSlot(slot).isPresent(),
          "delivered[" + slot + "]", "slot " + slot + " is not part of this visit"));
      Map<UUID, Slot> slots = SlotUpdates.slots(store(),
          visit.lines().stream().map(OrderLine::slotId).toList());
      List<Slot> changed = new ArrayList<>();
      Map<UUID, Integer> returned = new LinkedHashMap<>();
      List<OrderLine> lines = new ArrayList<>();
      for (OrderLine line : visit.lines()) {
        int delivered = command.delivered().getOrDefault(line.slotId(), line.planned());
        String field = "delivered[" + line.slotId() + "]";
        checks.check(delivered <= line.planned(), field, "slot " + line.position() + " was planned "
            + line.planned() + " units; cannot deliver " + delivered);
        Slot slot = slots.get(line.slotId());
        if (slot == null) {
          checks.add(field, "slot " + line.position() + " no longer exists");
          continue;
        }
        checks.check(slot.quantity() + delivered <= slot.capacity(), field, "slot "
            + slot.position() + " holds " + slot.quantity() + " of " + slot.capacity()
            + "; delivering " + delivered + " would exceed its capacity");
        changed.add(slot.withQuantity(Math.min(slot.capacity(), slot.quantity() + delivered)));
        if (command.returnUndelivered() && delivered < line.planned()) {
          returned.merge(line.productId(), line.planned() - delivered, Integer::sum);
        }
        lines.add(new OrderLine(line.id(), line.slotId(), line.position(), line.productId(),
            line.planned(), delivered));
      }
      checks.throwIfAny();
      SlotUpdates.write(store(), changed);
      returnToStock(returned);
      return store().serviceOrders().update(closeVisit(order, new Visit(visit.id(),
          visit.deviceId(), visit.deviceName(), visit.cabinetId(), visit.cabinetIndex(),
          VisitStatus.COMPLETED, command.notes(), ctx.now(), lines)));
    });
  }

  @Override
  public ServiceOrder skipVisit(UUID orderId, UUID visitId, String reason, boolean returnToStock) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(visitId, "visitId");
    new Checks().text(reason, "reason", 1000).throwIfAny();
    return write("service-order.skip-visit", reason, () -> {
      ServiceOrder order = orderForUpdate(orderId);
      requireAssigned(order.driverId(), "service-order.skip-visit",
          "service order " + order.number());
      Visit visit = pendingVisit(order, visitId, "skipped");
      if (returnToStock) {
        Map<UUID, Integer> returned = new LinkedHashMap<>();
        visit.lines().forEach(l -> returned.merge(l.productId(), l.planned(), Integer::sum));
        returnToStock(returned);
      }
      List<OrderLine> lines = visit.lines().stream().map(l -> new OrderLine(l.id(), l.slotId(),
          l.position(), l.productId(), l.planned(), 0)).toList();
      return store().serviceOrders().update(closeVisit(order, new Visit(visit.id(),
          visit.deviceId(), visit.deviceName(), visit.cabinetId(), visit.cabinetIndex(),
          VisitStatus.SKIPPED, reason, ctx.now(), lines)));
    });
  }

  @Override
  public ServiceOrder cancel(UUID orderId, String reason) {
    Objects.requireNonNull(orderId, "orderId");
    new Checks().text(reason, "reason", 1000).throwIfAny();
    return write("service-order.cancel", reason, () -> {
      ServiceOrder order = orderForUpdate(orderId);
      if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.ASSIGNED) {
        throw new IllegalStateTransitionException("service order " + order.number() + " is "
            + order.status() + "; only a PENDING or ASSIGNED order can be cancelled");
      }
      return store().serviceOrders().update(with(order, order.driverId(), OrderStatus.CANCELLED,
          order.deliveryNoteId(), reason, order.visits()));
    });
  }

  // ------------------------------------------------------------------------------------ helpers

  private ServiceOrder order(UUID orderId) {
    return store().serviceOrders().find(orderId)
        .orElseThrow(() -> new NotFoundException("service order", orderId));
  }

  /**
   * The order, locked until the unit of work ends: changes of one order queue instead of
   * conflicting, so drivers completing different visits of it all succeed, and the one who
   * completes the last visit sees every other visit done.
   */
  private ServiceOrder orderForUpdate(UUID orderId) {
    return store().serviceOrders().findForUpdate(orderId)
        .orElseThrow(() -> new NotFoundException("service order", orderId));
  }

  private Map<UUID, Product> products(ServiceOrder order) {
    List<UUID> ids = order.visits().stream().flatMap(v -> v.lines().stream())
        .map(OrderLine::productId).distinct().toList();
    return ids.isEmpty() ? Map.of() : store().products().findAllById(ids).stream()
        .collect(Collectors.toMap(Product::id, Function.identity()));
  }

  private static void require(ServiceOrder order, OrderStatus expected, String verb) {
    if (order.status() != expected) {
      throw new IllegalStateTransitionException("service order " + order.number() + " is "
          + order.status() + "; only a " + expected + " order can be " + verb);
    }
  }

  private static Visit pendingVisit(ServiceOrder order, UUID visitId, String verb) {
    require(order, OrderStatus.IN_PROGRESS, "serviced");
    Visit visit = order.visit(visitId)
        .orElseThrow(() -> new NotFoundException("visit of " + order.number(), visitId));
    if (visit.status() != VisitStatus.PENDING) {
      throw new IllegalStateTransitionException("visit " + visitId + " of " + order.number()
          + " is already " + visit.status() + "; it cannot be " + verb + " again");
    }
    return visit;
  }

  private void returnToStock(Map<UUID, Integer> units) {
    if (units.isEmpty()) {
      return;
    }
    Map<UUID, Integer> onHand = store().stock().onHandForUpdate(units.keySet());
    Map<UUID, Integer> after = new LinkedHashMap<>();
    // a return is at most a few thousand units, and levels stay far below Integer.MAX_VALUE
    // (StockLevel.MAX_ON_HAND); exact arithmetic makes a level past it fail, never wrap
    units.forEach((product, n) -> after.put(product,
        Math.addExact(onHand.getOrDefault(product, 0), n)));
    store().stock().set(after);
  }

  /** The order with one visit replaced; COMPLETED when no visit is pending any more. */
  private static ServiceOrder closeVisit(ServiceOrder order, Visit closed) {
    List<Visit> visits = order.visits().stream()
        .map(v -> v.id().equals(closed.id()) ? closed : v).toList();
    boolean done = visits.stream().noneMatch(v -> v.status() == VisitStatus.PENDING);
    return with(order, order.driverId(), done ? OrderStatus.COMPLETED : order.status(),
        order.deliveryNoteId(), order.notes(), visits);
  }

  private static ServiceOrder with(ServiceOrder o, UUID driverId, OrderStatus status,
      UUID deliveryNoteId, String notes, List<Visit> visits) {
    return new ServiceOrder(o.id(), o.number(), o.routeId(), driverId, status, o.strategyId(),
        o.estimatedMinutes(), deliveryNoteId, notes, visits, o.version(), o.stamp(),
        o.deletedAt());
  }
}
