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
import org.jspecify.annotations.Nullable;

/** The daily job: decide visits, compute what to load, dispatch, record what was delivered. */
@Stable(since = "0.1")
public interface ServiceOrders {

  /**
   * Creates an order, its visits and lines in one unit of work (all or nothing). Lines come from
   * the same computation as the route's pick-list preview.
   *
   * @throws dev.restock.api.error.ValidationException naming every problem at once, on the
   *     command's fields: an unknown {@code strategyId} and an unknown {@code visitPolicyId}
   *     (with the known ids), a {@code routeId} that is not a live route, every cabinet not on
   *     the route or of a deleted device ({@code cabinetIds[i]}), or a policy that selects
   *     nothing; no number is taken and nothing is written
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
   * PENDING or ASSIGNED → ASSIGNED: assigns the order to a driver, or reassigns it to another
   * one until it is dispatched; {@link #assign(UUID, UUID, String)} without a reason.
   *
   * @throws dev.restock.api.error.ValidationException when the user is not a live, active DRIVER
   * @throws dev.restock.api.error.IllegalStateTransitionException from IN_PROGRESS, COMPLETED or
   *     CANCELLED
   */
  default ServiceOrder assign(UUID orderId, UUID driverId) {
    return assign(orderId, driverId, null);
  }

  /**
   * PENDING or ASSIGNED → ASSIGNED, with a reason: a first assignment, or a reassignment to
   * another driver until the order is dispatched. The change is audited like any other: the
   * order's history shows the previous and the new driver, who made the change, when, and
   * {@code reason} (or the acting actor's reason when null). Assigning the driver the order
   * already has changes nothing.
   *
   * @param reason why, e.g. "Dave is ill"; optional, single-line, at most
   *     {@link dev.restock.api.audit.Actor#MAX_REASON} characters (what history holds)
   * @throws dev.restock.api.error.ValidationException when the user is not a live, active DRIVER,
   *     or the reason is not acceptable text
   * @throws dev.restock.api.error.IllegalStateTransitionException from IN_PROGRESS, COMPLETED or
   *     CANCELLED, naming both states
   */
  @Experimental(since = "0.2")
  ServiceOrder assign(UUID orderId, UUID driverId, @Nullable String reason);

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
   *     capacity, an unknown slot, or more than planned; and, unless {@link
   *     CompleteVisit#mismatchAsUndelivered()}, every line whose slot now holds another product,
   *     is empty or is gone, with its position and both products; nothing is written
   * @throws dev.restock.api.error.IllegalStateTransitionException when the visit is not pending or
   *     the order not in progress
   */
  ServiceOrder completeVisit(UUID orderId, UUID visitId, CompleteVisit command);

  /**
   * Skips a pending visit with a reason (single-line, at most
   * {@link dev.restock.api.audit.Actor#MAX_REASON} characters); its planned units go back to
   * stock if asked.
   */
  ServiceOrder skipVisit(UUID orderId, UUID visitId, String reason, boolean returnToStock);

  /**
   * PENDING or ASSIGNED → CANCELLED, with a reason (single-line, at most
   * {@link dev.restock.api.audit.Actor#MAX_REASON} characters).
   *
   * @throws dev.restock.api.error.IllegalStateTransitionException from IN_PROGRESS, COMPLETED or
   *     CANCELLED
   */
  ServiceOrder cancel(UUID orderId, String reason);
}
