package dev.restock.core.serviceorder;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.validation.Checks;
import dev.restock.core.planogram.SlotUpdates;
import dev.restock.core.usecase.CoreContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A driver closing a visit of an order in progress: completing it (slots filled with what was
 * delivered, checked against what each slot holds now) or skipping it. The order completes with
 * its last open visit.
 */
public final class VisitCompletion extends OrderUseCase {

  public VisitCompletion(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  public ServiceOrder completeVisit(UUID orderId, UUID visitId, CompleteVisit command) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(visitId, "visitId");
    Objects.requireNonNull(command, "command");
    return write("service-order.complete-visit", () -> {
      ServiceOrder order = orderForUpdate(orderId);
      requireAssigned(order.driverId(), "service-order.complete-visit",
          "service order " + order.number());
      Visit visit = order.pendingVisit(visitId, VisitStatus.COMPLETED);
      Checks checks = new Checks();
      command.delivered().keySet().forEach(slot -> checks.check(visit.lineForSlot(slot).isPresent(),
          "delivered[" + slot + "]", "slot " + slot + " is not part of this visit"));
      Map<UUID, Slot> slots = SlotUpdates.slots(store(),
          visit.lines().stream().map(OrderLine::slotId).toList());
      Map<UUID, Product> products = productsOf(visit, slots);
      List<Slot> changed = new ArrayList<>();
      Map<UUID, Integer> returned = new LinkedHashMap<>();
      Map<UUID, Integer> delivered = new HashMap<>();
      for (OrderLine line : visit.lines()) {
        String field = "delivered[" + line.slotId() + "]";
        Slot slot = slots.get(line.slotId());
        String mismatch = mismatch(line, slot, products);
        int units;
        if (mismatch == null) {
          units = command.delivered().getOrDefault(line.slotId(), line.planned());
          checks.check(units <= line.planned(), field, "slot " + line.position() + " was planned "
              + line.planned() + " units; cannot deliver " + units);
          checks.check(slot.quantity() + units <= slot.capacity(), field, "slot "
              + slot.position() + " holds " + slot.quantity() + " of " + slot.capacity()
              + "; delivering " + units + " would exceed its capacity");
          changed.add(slot.withQuantity(Math.min(slot.capacity(), slot.quantity() + units)));
        } else if (command.mismatchAsUndelivered()) {
          units = 0;
        } else {
          checks.add(field, mismatch + "; complete with mismatchAsUndelivered to record it as "
              + "undelivered");
          continue;
        }
        delivered.put(line.slotId(), units);
        if (command.returnUndelivered() && units < line.planned()) {
          returned.merge(line.productId(), line.planned() - units, Integer::sum);
        }
      }
      checks.throwIfAny();
      SlotUpdates.write(store(), changed);
      returnToStock(returned);
      return store().serviceOrders().update(order.closeVisit(
          visit.complete(delivered, command.notes(), ctx.now())));
    });
  }

  public ServiceOrder skipVisit(UUID orderId, UUID visitId, String reason, boolean returnToStock) {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(visitId, "visitId");
    new Checks().text(reason, "reason", Actor.MAX_REASON).throwIfAny();
    return write("service-order.skip-visit", reason, () -> {
      ServiceOrder order = orderForUpdate(orderId);
      requireAssigned(order.driverId(), "service-order.skip-visit",
          "service order " + order.number());
      Visit visit = order.pendingVisit(visitId, VisitStatus.SKIPPED);
      if (returnToStock) {
        Map<UUID, Integer> returned = new LinkedHashMap<>();
        visit.lines().forEach(l -> returned.merge(l.productId(), l.planned(), Integer::sum));
        returnToStock(returned);
      }
      return store().serviceOrders().update(order.closeVisit(visit.skip(reason, ctx.now())));
    });
  }

  /**
   * Why the line no longer fits its slot (the slot is gone, empty, or holds another product
   * since the order was made), or null when it still holds the line's product.
   */
  private static String mismatch(OrderLine line, Slot slot, Map<UUID, Product> products) {
    String planned = name(products.get(line.productId()), line.productId());
    if (slot == null) {
      return "slot " + line.position() + " no longer exists; " + planned + " was planned for it";
    }
    if (slot.productId() == null) {
      return "slot " + line.position() + " is now empty; " + planned + " was planned for it";
    }
    if (!slot.productId().equals(line.productId())) {
      return "slot " + line.position() + " now holds "
          + name(products.get(slot.productId()), slot.productId()) + ", not " + planned
          + " as planned";
    }
    return null;
  }

  private static String name(Product product, UUID id) {
    return product == null ? "product " + id : product.sku() + " (" + product.name() + ")";
  }

  /** The products of the visit's lines and of what its slots hold now, in one read. */
  private Map<UUID, Product> productsOf(Visit visit, Map<UUID, Slot> slots) {
    List<UUID> ids = new ArrayList<>();
    visit.lines().forEach(l -> ids.add(l.productId()));
    slots.values().forEach(s -> {
      if (s.productId() != null) {
        ids.add(s.productId());
      }
    });
    List<UUID> distinct = ids.stream().distinct().toList();
    return distinct.isEmpty() ? Map.of() : store().products().findAllById(distinct).stream()
        .collect(Collectors.toMap(Product::id, Function.identity()));
  }
}
