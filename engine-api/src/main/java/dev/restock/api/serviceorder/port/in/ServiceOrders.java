package dev.restock.api.serviceorder.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.picklist.PickList;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.DeliveryNote;
import java.util.UUID;

/** The daily job: decide visits, compute what to load, dispatch, record what was delivered. */
@Stable(since = "0.1")
public interface ServiceOrders {

  /**
   * Creates an order, its visits and lines in one unit of work (all or nothing). Lines come from
   * the same computation as the route's pick-list preview.
   *
   * @throws dev.restock.api.error.ValidationException naming every cabinet not on the route (or
   *     of a deleted device), an unknown strategy or policy, or a selection that visits nothing
   */
  ServiceOrder create(CreateServiceOrder command);

  ServiceOrder get(UUID orderId);

  ServiceOrder getByNumber(String number);

  Page<ServiceOrder> list(PageRequest request);

  /**
   * Orders matching {@code criteria} over the fields of {@link
   * dev.restock.api.query.SearchFields#SERVICE_ORDER} (number, route, driver, status, strategy,
   * estimated minutes, created/updated times), sorted by its sort keys, then newest first.
   *
   * @throws dev.restock.api.error.ValidationException naming every unknown field, bad value or
   *     operator that does not fit its field
   */
  @Experimental(since = "0.1")
  Page<ServiceOrder> find(dev.restock.api.query.Criteria criteria, PageRequest request);

  /** The order's pick list: lines per slot, totals per product (rounded up to case packs if asked). */
  PickList pickList(UUID orderId, boolean roundTotalsToCasePack);

  /**
   * PENDING → ASSIGNED.
   *
   * @throws dev.restock.api.error.ValidationException when the user is not a live, active DRIVER
   * @throws dev.restock.api.error.IllegalStateTransitionException from any other status
   */
  ServiceOrder assign(UUID orderId, UUID driverId);

  /**
   * ASSIGNED → IN_PROGRESS: takes the order's product totals from stock and issues a delivery note.
   *
   * @throws dev.restock.api.error.InsufficientStockException listing every short product; nothing
   *     is taken
   */
  DeliveryNote dispatch(UUID orderId);

  /**
   * Records what was delivered into each slot of a visit and fills the slots; completes the order
   * when it was its last open visit.
   *
   * @throws dev.restock.api.error.ValidationException naming every slot that would exceed its
   *     capacity, an unknown slot, or more than planned; nothing is written
   * @throws dev.restock.api.error.IllegalStateTransitionException when the visit is not pending or
   *     the order not in progress
   */
  ServiceOrder completeVisit(UUID orderId, UUID visitId, CompleteVisit command);

  /** Skips a pending visit with a reason; its planned units go back to stock if asked. */
  ServiceOrder skipVisit(UUID orderId, UUID visitId, String reason, boolean returnToStock);

  /** PENDING or ASSIGNED → CANCELLED, with a reason. */
  ServiceOrder cancel(UUID orderId, String reason);
}
