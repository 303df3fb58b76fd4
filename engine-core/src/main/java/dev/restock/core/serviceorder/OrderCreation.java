package dev.restock.core.serviceorder;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.api.validation.Checks;
import dev.restock.core.picklist.PickListCalculator;
import dev.restock.core.picklist.RouteData;
import dev.restock.core.plugin.Registry;
import dev.restock.core.usecase.CoreContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Creates an order from the shared pick-list computation, in one unit of work. Every problem of
 * the command (unknown strategy, unknown policy, a route that is not live, cabinets not on the
 * route) is named in one {@link dev.restock.api.error.ValidationException}, on the command's
 * field names, before a number is taken or anything written.
 */
public final class OrderCreation extends OrderUseCase {

  public OrderCreation(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  public ServiceOrder create(CreateServiceOrder command) {
    Objects.requireNonNull(command, "command");
    Checks plugins = new Checks();
    PickListStrategy strategy = known(ctx.strategies(), command.strategyId(), "strategyId",
        "pick-list strategy", plugins);
    VisitPolicy policy = known(ctx.policies(), command.visitPolicyId(), "visitPolicyId",
        "visit policy", plugins);
    return write("service-order.create", () -> {
      // fresh on each attempt: a unit retried after a conflict starts over
      Checks checks = new Checks().nested("", plugins.violations());
      boolean routeLive = store().routes().find(command.routeId(), Visibility.LIVE).isPresent();
      checks.check(routeLive, "routeId", "no live route with id " + command.routeId());
      if (!routeLive) {
        checks.throwIfAny();
      }
      // an unknown strategy has no window; the cabinets are still checked, to name them too
      RouteData data = RouteData.load(store(), command.routeId(),
          strategy == null ? 0 : strategy.salesWindowDays(), ctx.clock());
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
        for (int i = 0; i < command.cabinetIds().size(); i++) {
          UUID id = command.cabinetIds().get(i);
          checks.check(cabinetById.containsKey(id), "cabinetIds[" + i + "]", "cabinet " + id
              + " is not a cabinet of a live device on route " + data.route().code());
          selected.add(id);
        }
        checks.throwIfAny();
      } else {
        checks.throwIfAny();
        // the policy sees the sales of its own window, whatever window the strategy asked for
        RouteData forPolicy = data.withSalesWindow(store(), policy.salesWindowDays(), ctx.clock());
        for (CabinetSnapshot cabinet : forPolicy.cabinets()) {
          if (policy.needsVisit(cabinet, forPolicy.context())) {
            selected.add(cabinet.cabinetId());
          }
        }
        checks.check(!selected.isEmpty(), "visitPolicyId", "visit policy '" + policy.id()
            + "' selects no cabinet of route " + data.route().code() + ": nothing to visit");
        checks.throwIfAny();
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
      return store().serviceOrders().add(new ServiceOrder(UUID.randomUUID(), number("SO"),
          data.route().id(), null, OrderStatus.PENDING, strategy.id(),
          visits.size() * ctx.minutesPerVisit(), null, null, visits, 0, AuditStamp.NEW, null));
    });
  }

  /** The registered entry, or null with the problem named on the command's {@code field}. */
  private static <T> T known(Registry<T> registry, String id, String field, String kind,
      Checks checks) {
    if (!registry.ids().contains(id)) {
      checks.add(field, "unknown " + kind + " '" + id + "'; known: "
          + String.join(", ", registry.ids()));
      return null;
    }
    return registry.require(id);
  }
}
