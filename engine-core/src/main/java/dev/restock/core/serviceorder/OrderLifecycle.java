package dev.restock.core.serviceorder;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.validation.Checks;
import dev.restock.core.usecase.CoreContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An order's way from PENDING to IN_PROGRESS, or to CANCELLED: assignment (and reassignment until
 * dispatch), dispatch with its stock and delivery note, and cancellation. The transitions are the
 * order's own ({@link ServiceOrder#assign} and so on); these use cases load, check, call, save.
 */
public final class OrderLifecycle extends OrderUseCase {

  public OrderLifecycle(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  /**
   * Assigns, or reassigns, the order to a live, active driver. A reassignment is an ordinary
   * change of the order: its history shows the old and the new driver, who changed it, when, and
   * the reason when one is given (or the actor carries one).
   */
  public ServiceOrder assign(UUID orderId, UUID driverId, String reason) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(driverId, "driverId");
    new Checks().optionalText(reason, "reason", Actor.MAX_REASON).throwIfAny();
    return write("service-order.assign", reason, () -> {
      ServiceOrder order = orderForUpdate(orderId);
      // the state first: a refused transition says so whatever the driver
      order.assign(driverId);
      User driver = store().users().find(driverId, Visibility.LIVE).orElseThrow(
          () -> ValidationException.of("driverId", "no live user with id " + driverId));
      new Checks()
          .check(driver.role() == Role.DRIVER, "driverId",
              "user " + driver.username() + " has role " + driver.role() + ", not DRIVER")
          .check(driver.active(), "driverId", "user " + driver.username() + " is not active")
          .throwIfAny();
      if (driver.id().equals(order.driverId())) {
        return order;
      }
      return store().serviceOrders().update(order.assign(driver.id()));
    });
  }

  public DeliveryNote dispatch(UUID orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return write("service-order.dispatch", () -> {
      ServiceOrder order = orderForUpdate(orderId);
      requireAssigned(order.driverId(), "service-order.dispatch", "service order " + order.number());
      // refuses any state but ASSIGNED before stock is looked at; the note id is a stand-in
      order.dispatch(UUID.randomUUID());
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
          .sorted(Comparator.comparing(DeliveryNoteLine::sku)).toList();
      DeliveryNote note = store().deliveryNotes().add(new DeliveryNote(UUID.randomUUID(),
          number("DN"), order.id(), order.number(), ctx.now(), lines));
      store().serviceOrders().update(order.dispatch(note.id()));
      return note;
    });
  }

  public ServiceOrder cancel(UUID orderId, String reason) {
    Objects.requireNonNull(orderId, "orderId");
    new Checks().text(reason, "reason", Actor.MAX_REASON).throwIfAny();
    return write("service-order.cancel", reason, () -> store().serviceOrders()
        .update(orderForUpdate(orderId).cancel(reason)));
  }
}
