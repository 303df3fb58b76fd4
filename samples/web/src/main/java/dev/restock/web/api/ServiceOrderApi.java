package dev.restock.web.api;

import dev.restock.api.RestockSession;
import dev.restock.api.error.ValidationException;
import dev.restock.api.picklist.PickList;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.stock.DeliveryNote;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily job: service orders from creation to their last visit. A driver may dispatch, and
 * complete or skip visits of, the orders assigned to them; the rest is for the back office.
 */
@RestController
@Tag(name = "Service orders", description = "Orders, their visits and pick lists")
public class ServiceOrderApi {
  private final ApiSupport api;

  ServiceOrderApi(ApiSupport api) {
    this.api = api;
  }

  /**
   * A new order: the route, optionally some of its cabinets, the visit policy and pick-list
   * strategy (the engine's defaults when absent), pick options, and a driver to assign at once.
   */
  public record OrderBody(UUID routeId, List<UUID> cabinetIds, String visitPolicyId,
      String strategyId, Integer minimumPick, Boolean roundTotalsToCasePack, UUID driverId) {}

  /** Assigns (or reassigns) a driver, with an optional reason. */
  public record AssignBody(UUID driverId, String reason) {}

  /** Why an order is cancelled. */
  public record CancelBody(String reason) {}

  /**
   * What was delivered into each slot of a visit (slot id to units; slots not named get what was
   * planned; no {@code delivered} at all is "as planned").
   */
  public record CompleteBody(Map<UUID, Integer> delivered, Boolean returnUndelivered,
      String notes, Boolean mismatchAsUndelivered) {}

  /** Why a visit is skipped, and whether its planned units go back to stock. */
  public record SkipBody(String reason, Boolean returnToStock) {}

  /** Orders, newest first, optionally of one status, route, driver or number. */
  @GetMapping("/api/service-orders")
  @Operation(summary = "List or find service orders (filters: status, routeId, driverId, number)")
  public Page<ServiceOrder> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) OrderStatus status,
      @RequestParam(required = false) UUID routeId,
      @RequestParam(required = false) UUID driverId,
      @RequestParam(required = false) String number) {
    var request = ApiSupport.page(page, size);
    var orders = api.session().serviceOrders();
    if (status == null && routeId == null && driverId == null && number == null) {
      return orders.list(request);
    }
    Criteria criteria = Criteria.all();
    if (status != null) {
      criteria = criteria.and("status", Criteria.Operator.EQ, status.name());
    }
    if (routeId != null) {
      criteria = criteria.and("routeId", Criteria.Operator.EQ, routeId);
    }
    if (driverId != null) {
      criteria = criteria.and("driverId", Criteria.Operator.EQ, driverId);
    }
    if (number != null) {
      criteria = criteria.and("number", Criteria.Operator.EQ, number.strip());
    }
    return orders.find(criteria, request);
  }

  /** One order with its visits and lines. */
  @GetMapping("/api/service-orders/{id}")
  @Operation(summary = "Get a service order")
  public ServiceOrder get(@PathVariable UUID id) {
    return api.session().serviceOrders().get(id);
  }

  /** An order's pick list, totals rounded up to case packs if asked. */
  @GetMapping("/api/service-orders/{id}/pick-list")
  @Operation(summary = "Get a service order's pick list")
  public PickList pickList(@PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean roundToCasePack) {
    return api.session().serviceOrders().pickList(id, roundToCasePack);
  }

  /** Creates an order (and assigns the driver when one is given): 201. */
  @PostMapping("/api/service-orders")
  @Operation(summary = "Create a service order for a route, optionally assigned to a driver")
  public ResponseEntity<ServiceOrder> create(@RequestBody OrderBody body) {
    Commands c = new Commands();
    PickOptions options = body.minimumPick() == null && body.roundTotalsToCasePack() == null
        ? null : c.part("options", () -> new PickOptions(
            body.minimumPick() == null ? 0 : body.minimumPick(),
            Boolean.TRUE.equals(body.roundTotalsToCasePack())));
    if (body.cabinetIds() != null) {
      for (int i = 0; i < body.cabinetIds().size(); i++) {
        if (body.cabinetIds().get(i) == null) {
          c.add("cabinetIds[" + i + "]", "is required");
        }
      }
    }
    c.throwIfAny();
    CreateServiceOrder command = new CreateServiceOrder(body.routeId(), body.cabinetIds(),
        body.visitPolicyId(), body.strategyId(), options);
    RestockSession session = api.session();
    ServiceOrder order = body.driverId() == null ? session.serviceOrders().create(command)
        : api.inUnitOfWork(session, s -> {
          ServiceOrder created = s.serviceOrders().create(command);
          return s.serviceOrders().assign(created.id(), body.driverId());
        });
    return ApiSupport.created("/api/service-orders", order.id(), order);
  }

  /** Assigns or reassigns the order's driver until it is dispatched. */
  @PostMapping("/api/service-orders/{id}/assign")
  @Operation(summary = "Assign a driver to a service order")
  public ServiceOrder assign(@PathVariable UUID id, @RequestBody AssignBody body) {
    if (body.driverId() == null) {
      throw ValidationException.of("driverId", "is required");
    }
    return api.session().serviceOrders().assign(id, body.driverId(), blankToNull(body.reason()));
  }

  /** Dispatches an assigned order: takes its totals from stock; returns the delivery note. */
  @PostMapping("/api/service-orders/{id}/dispatch")
  @Operation(summary = "Dispatch a service order (issues its delivery note)")
  public DeliveryNote dispatch(@PathVariable UUID id) {
    return api.session().serviceOrders().dispatch(id);
  }

  /** Cancels a pending or assigned order; a reason is required. */
  @PostMapping("/api/service-orders/{id}/cancel")
  @Operation(summary = "Cancel a service order")
  public ServiceOrder cancel(@PathVariable UUID id, @RequestBody CancelBody body) {
    String reason = required(body.reason(), "reason");
    return api.session(reason).serviceOrders().cancel(id, reason);
  }

  /** Completes a visit with per-slot quantities, or as planned when none are given. */
  @PostMapping("/api/service-orders/{id}/visits/{visitId}/complete")
  @Operation(summary = "Complete a visit (per-slot quantities or as planned)")
  public ServiceOrder complete(@PathVariable UUID id, @PathVariable UUID visitId,
      @RequestBody(required = false) CompleteBody body) {
    if (body != null && body.delivered() != null) {
      Commands c = new Commands();
      body.delivered().forEach((slot, units) -> {
        if (units == null) {
          c.add("delivered[" + slot + "]", "is required");
        }
      });
      c.throwIfAny();
    }
    CompleteVisit command = body == null ? CompleteVisit.asPlanned()
        : new CompleteVisit(body.delivered(), Boolean.TRUE.equals(body.returnUndelivered()),
            body.notes(), Boolean.TRUE.equals(body.mismatchAsUndelivered()));
    return api.session().serviceOrders().completeVisit(id, visitId, command);
  }

  /** Skips a pending visit with a reason. */
  @PostMapping("/api/service-orders/{id}/visits/{visitId}/skip")
  @Operation(summary = "Skip a visit with a reason")
  public ServiceOrder skip(@PathVariable UUID id, @PathVariable UUID visitId,
      @RequestBody SkipBody body) {
    String reason = required(body.reason(), "reason");
    return api.session(reason).serviceOrders().skipVisit(id, visitId, reason,
        Boolean.TRUE.equals(body.returnToStock()));
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "is required");
    }
    return value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
