package dev.restock.core.serviceorder;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the service order use cases share: loading orders, their products, numbers, stock. */
abstract class OrderUseCase extends UseCase {

  OrderUseCase(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  final ServiceOrder order(UUID orderId) {
    return store().serviceOrders().find(orderId)
        .orElseThrow(() -> new NotFoundException("service order", orderId));
  }

  /**
   * The order, locked until the unit of work ends: changes of one order queue instead of
   * conflicting, so drivers completing different visits of it all succeed, and the one who
   * completes the last visit sees every other visit done.
   */
  final ServiceOrder orderForUpdate(UUID orderId) {
    return store().serviceOrders().findForUpdate(orderId)
        .orElseThrow(() -> new NotFoundException("service order", orderId));
  }

  final Map<UUID, Product> products(ServiceOrder order) {
    List<UUID> ids = order.visits().stream().flatMap(v -> v.lines().stream())
        .map(OrderLine::productId).distinct().toList();
    return ids.isEmpty() ? Map.of() : store().products().findAllById(ids).stream()
        .collect(Collectors.toMap(Product::id, Function.identity()));
  }

  /** The next number of a yearly document series, e.g. {@code SO-2026-000042}. */
  final String number(String prefix) {
    int year = ctx.clock().instant().atZone(ZoneOffset.UTC).getYear();
    long next = store().numberSeries().next(prefix + "-" + year);
    return String.format("%s-%d-%06d", prefix, year, next);
  }

  final void returnToStock(Map<UUID, Integer> units) {
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
}
