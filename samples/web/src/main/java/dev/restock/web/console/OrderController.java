package dev.restock.web.console;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.RestockException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.user.Role;
import dev.restock.web.RequestSessions;
import dev.restock.web.api.ApiErrors;
import dev.restock.web.security.RestockPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service-order workflow: the list ({@code /orders}, newest first; a driver sees only the
 * orders assigned to them), creating an order for a route ({@code POST /orders}), one order with
 * its visits and lines ({@code /orders/{id}}) and its transitions: assign a driver, dispatch
 * (showing the delivery note's number), cancel. Each change is a plain POST form answered by a
 * redirect; an engine error re-renders the page with the error beside the form, every value
 * as typed, the status the API would give, and nothing changed. Forms are offered only to whom
 * the engine's access policy allows them ({@link OpsAccess}); a refused POST (forged, or a role
 * changed meanwhile) ends on the console's 403 page.
 */
@Controller
public class OrderController {
  private static final int PAGE_SIZE = 50;

  private final RequestSessions sessions;
  private final Restock restock;

  OrderController(RequestSessions sessions, Restock restock) {
    this.sessions = sessions;
    this.restock = restock;
  }

  /** The orders, newest first, a page of {@value #PAGE_SIZE}; a driver's own orders only. */
  @GetMapping("/orders")
  String orders(@RequestParam(defaultValue = "0") int page, Model model) {
    list(Math.max(0, page), null, null, model);
    return "orders";
  }

  /** Creates an order for a route with a strategy, then shows it. */
  @PostMapping("/orders")
  String create(@RequestParam(required = false) String routeId,
      @RequestParam(required = false) String strategyId, Model model,
      HttpServletResponse response) {
    try {
      UUID route = OpsForms.id(routeId, "routeId");
      ServiceOrder order = sessions.current().serviceOrders().create(new CreateServiceOrder(
          route, null, null, blankToNull(strategyId), null));
      return "redirect:/orders/" + order.id();
    } catch (PermissionDeniedException e) {
      throw e; // no form to show it beside: the console's 403 page
    } catch (RestockException e) {
      response.setStatus(ApiErrors.statusOf(e).value());
      model.addAttribute("errors", ApiErrors.details(e));
      list(0, routeId, strategyId, model);
      return "orders";
    }
  }

  /** One order: its visits and lines, what can be done with it next. */
  @GetMapping("/orders/{id}")
  String order(@PathVariable UUID id, Model model) {
    detail(id, model);
    return "order";
  }

  /** Assigns (or reassigns) the order to a driver. */
  @PostMapping("/orders/{id}/assign")
  String assign(@PathVariable UUID id, @RequestParam(required = false) String driverId,
      @RequestParam(required = false) String reason, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    return change(id, "assign", model, response, redirect, session -> {
      model.addAttribute("chosenDriver", driverId);
      model.addAttribute("assignReason", reason);
      UUID driver = OpsForms.id(driverId, "driverId");
      ServiceOrder o = session.serviceOrders().assign(id, driver,
          OpsForms.reason(reason, "reason"));
      return "Assigned to " + OpsLookups.username(session, o.driverId()) + ".";
    });
  }

  /** Dispatches the order: stock is taken and a delivery note issued. */
  @PostMapping("/orders/{id}/dispatch")
  String dispatch(@PathVariable UUID id, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    return change(id, "dispatch", model, response, redirect, session -> {
      DeliveryNote note = session.serviceOrders().dispatch(id);
      return "Dispatched with delivery note " + note.number() + ".";
    });
  }

  /** Cancels the order, with a reason. */
  @PostMapping("/orders/{id}/cancel")
  String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return change(id, "cancel", model, response, redirect, session -> {
      model.addAttribute("cancelReason", reason);
      String why = OpsForms.reason(reason, "reason");
      if (why == null) {
        throw ValidationException.of("reason", "is required to cancel an order");
      }
      session.serviceOrders().cancel(id, why);
      return "Cancelled.";
    });
  }

  private interface Change {
    String apply(RestockSession session);
  }

  private String change(UUID id, String form, Model model, HttpServletResponse response,
      RedirectAttributes redirect, Change change) {
    try {
      redirect.addFlashAttribute("notice", change.apply(sessions.current()));
      return "redirect:/orders/" + id;
    } catch (PermissionDeniedException e) {
      throw e; // no form to show it beside: the console's 403 page
    } catch (RestockException e) {
      response.setStatus(ApiErrors.statusOf(e).value());
      model.addAttribute("errorForm", form);
      model.addAttribute("errors", ApiErrors.details(e));
      detail(id, model);
      return "order";
    }
  }

  private void list(int page, String routeId, String strategyId, Model model) {
    RestockSession session = sessions.current();
    RestockPrincipal me = RequestSessions.principal();
    boolean driver = me != null && me.role() == Role.DRIVER;
    Criteria criteria = driver
        ? Criteria.where("driverId", Criteria.Operator.EQ, me.userId()) : Criteria.all();
    Page<ServiceOrder> orders = session.serviceOrders().find(criteria,
        PageRequest.of(page, PAGE_SIZE));
    model.addAttribute("orders", orders);
    model.addAttribute("driverView", driver);
    model.addAttribute("canCreate", OpsAccess.backOffice(me));
    model.addAttribute("routeCodes", OpsLookups.routeCodes(session,
        orders.items().stream().map(ServiceOrder::routeId).toList()));
    model.addAttribute("usernames", OpsLookups.usernames(session,
        orders.items().stream().map(ServiceOrder::driverId).toList()));
    model.addAttribute("routes", OpsAccess.backOffice(me) ? OpsLookups.liveRoutes(session)
        : List.of());
    model.addAttribute("strategies", new TreeSet<>(restock.pickListStrategies()));
    model.addAttribute("chosenRoute", routeId);
    model.addAttribute("chosenStrategy", strategyId == null || strategyId.isBlank()
        ? CreateServiceOrder.DEFAULT_STRATEGY : strategyId);
  }

  private void detail(UUID id, Model model) {
    RestockSession session = sessions.current();
    ServiceOrder order = session.serviceOrders().get(id);
    Map<UUID, PickLine> bySlot = new LinkedHashMap<>();
    var pickList = session.serviceOrders().pickList(id, false);
    pickList.lines().forEach(l -> bySlot.put(l.slotId(), l));
    model.addAttribute("order", order);
    model.addAttribute("routeCode", OpsLookups.routeCode(session, order.routeId()));
    model.addAttribute("driverName", OpsLookups.username(session, order.driverId()));
    RestockPrincipal me = RequestSessions.principal();
    boolean backOffice = OpsAccess.backOffice(me);
    boolean open = order.status() == OrderStatus.PENDING
        || order.status() == OrderStatus.ASSIGNED;
    model.addAttribute("drivers", backOffice && open ? OpsLookups.drivers(session) : List.of());
    if (!model.containsAttribute("chosenDriver")) {
      model.addAttribute("chosenDriver",
          order.driverId() == null ? null : order.driverId().toString());
    }
    model.addAttribute("slotLines", bySlot);
    model.addAttribute("totals", pickList.totals());
    model.addAttribute("deliveredUnits", order.visits().stream()
        .flatMap(v -> v.lines().stream())
        .mapToInt(l -> l.delivered() == null ? 0 : l.delivered()).sum());
    model.addAttribute("deliveryNote", deliveryNote(session, order));
    // offered only to whom the engine's access policy allows it (the engine still decides)
    model.addAttribute("canAssign", open && backOffice);
    model.addAttribute("canDispatch", order.status() == OrderStatus.ASSIGNED
        && OpsAccess.mayService(me, order));
    model.addAttribute("canCancel", open && backOffice);
  }

  /** The delivery note issued when the order was dispatched, or null before. */
  static DeliveryNote deliveryNote(RestockSession session, ServiceOrder order) {
    if (order.deliveryNoteId() == null) {
      return null;
    }
    List<DeliveryNote> notes = session.stock().deliveryNotes(
        Criteria.where("orderId", Criteria.Operator.EQ, order.id()), PageRequest.of(0, 10))
        .items();
    return notes.stream().filter(n -> n.id().equals(order.deliveryNoteId())).findFirst()
        .orElse(null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
