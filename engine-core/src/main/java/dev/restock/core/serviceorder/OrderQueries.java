package dev.restock.core.serviceorder;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.core.picklist.PickListCalculator;
import dev.restock.core.planogram.SlotUpdates;
import dev.restock.core.usecase.CoreContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Reading orders and their pick lists; each call is one read-only unit of work. */
public final class OrderQueries extends OrderUseCase {

  public OrderQueries(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  public ServiceOrder get(UUID orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return read(() -> order(orderId));
  }

  public ServiceOrder getByNumber(String number) {
    Objects.requireNonNull(number, "number");
    return read(() -> store().serviceOrders().findByNumber(number.strip())
        .orElseThrow(() -> new NotFoundException("service order", number)));
  }

  public Page<ServiceOrder> list(PageRequest request) {
    Objects.requireNonNull(request, "request");
    return read(() -> store().serviceOrders().list(request));
  }

  public Page<ServiceOrder> find(Criteria criteria, PageRequest request) {
    return search(SearchFields.SERVICE_ORDER, criteria, request,
        (checked, page) -> store().serviceOrders().find(checked, page));
  }

  /** The order's lines with the slots as they are now, and totals per product. */
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
}
