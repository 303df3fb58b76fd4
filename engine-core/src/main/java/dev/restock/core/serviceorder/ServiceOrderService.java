package dev.restock.core.serviceorder;

import dev.restock.api.audit.Actor;
import dev.restock.api.picklist.PickList;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.port.in.ServiceOrders;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.core.usecase.CoreContext;
import java.util.UUID;

/**
 * The {@link ServiceOrders} a session offers, composed of the use cases by job: creation,
 * lifecycle (assign, dispatch, cancel), visit completion (complete, skip) and queries.
 */
public final class ServiceOrderService implements ServiceOrders {
  private final OrderCreation creation;
  private final OrderLifecycle lifecycle;
  private final VisitCompletion visits;
  private final OrderQueries queries;

  public ServiceOrderService(CoreContext ctx, Actor actor) {
    this.creation = new OrderCreation(ctx, actor);
    this.lifecycle = new OrderLifecycle(ctx, actor);
    this.visits = new VisitCompletion(ctx, actor);
    this.queries = new OrderQueries(ctx, actor);
  }

  @Override
  public ServiceOrder create(CreateServiceOrder command) {
    return creation.create(command);
  }

  @Override
  public ServiceOrder get(UUID orderId) {
    return queries.get(orderId);
  }

  @Override
  public ServiceOrder getByNumber(String number) {
    return queries.getByNumber(number);
  }

  @Override
  public Page<ServiceOrder> list(PageRequest request) {
    return queries.list(request);
  }

  @Override
  public Page<ServiceOrder> find(Criteria criteria, PageRequest request) {
    return queries.find(criteria, request);
  }

  @Override
  public PickList pickList(UUID orderId, boolean roundTotalsToCasePack) {
    return queries.pickList(orderId, roundTotalsToCasePack);
  }

  @Override
  public ServiceOrder assign(UUID orderId, UUID driverId, String reason) {
    return lifecycle.assign(orderId, driverId, reason);
  }

  @Override
  public DeliveryNote dispatch(UUID orderId) {
    return lifecycle.dispatch(orderId);
  }

  @Override
  public ServiceOrder cancel(UUID orderId, String reason) {
    return lifecycle.cancel(orderId, reason);
  }

  @Override
  public ServiceOrder completeVisit(UUID orderId, UUID visitId, CompleteVisit command) {
    return visits.completeVisit(orderId, visitId, command);
  }

  @Override
  public ServiceOrder skipVisit(UUID orderId, UUID visitId, String reason, boolean returnToStock) {
    return visits.skipVisit(orderId, visitId, reason, returnToStock);
  }
}
