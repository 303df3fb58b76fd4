package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.RestockException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.user.Role;
import dev.restock.web.RequestSessions;
import dev.restock.web.security.RestockPrincipal;
import dev.restock.web.api.ApiErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The driver's visit screen, {@code /orders/{id}/visits/{visitId}}, made for a phone: one
 * number per slot, pre-filled with the planned units, to complete the visit with exactly what
 * was put in ({@code POST .../complete}, the engine's {@link CompleteVisit}), or a reason to
 * skip it ({@code POST .../skip}). An engine error (more than planned, over capacity, a visit
 * already closed) shows beside the form with everything as typed (units, notes, ticks, the skip
 * reason), and nothing is recorded. The forms are offered to the back office and to the driver
 * the order is assigned to ({@link OpsAccess}); a refused POST ends on the console's 403 page.
 */
@Controller
public class VisitController {
  /** Form fields carrying a slot's units are named this, then the slot id. */
  static final String UNITS_FIELD = "units-";

  private final RequestSessions sessions;

  VisitController(RequestSessions sessions) {
    this.sessions = sessions;
  }

  /** The visit with a field per slot, or its result once it is closed. */
  @GetMapping("/orders/{id}/visits/{visitId}")
  String visit(@PathVariable UUID id, @PathVariable UUID visitId, Model model) {
    show(id, visitId, Map.of(), model);
    return "visit";
  }

  /**
   * What was typed besides the units, kept for the page when the engine refuses.
   *
   * @param notes the completion's notes as typed
   * @param returnUndelivered whether "put undelivered back" was ticked
   * @param skipReason the reason to skip as typed
   * @param returnToStock whether "return planned units to stock" was ticked
   */
  public record Kept(String notes, boolean returnUndelivered, String skipReason,
      boolean returnToStock) {
    static final Kept NONE = new Kept(null, false, null, false);
  }

  /** Completes the visit with the units typed per slot. */
  @PostMapping("/orders/{id}/visits/{visitId}/complete")
  String complete(@PathVariable UUID id, @PathVariable UUID visitId,
      @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, String> typed = new HashMap<>();
    form.forEach((k, v) -> {
      if (k.startsWith(UNITS_FIELD)) {
        typed.put(k.substring(UNITS_FIELD.length()), v);
      }
    });
    String notes = form.get("notes");
    boolean returnUndelivered = "on".equals(form.get("returnUndelivered"));
    Kept kept = new Kept(notes, returnUndelivered, null, false);
    try {
      RestockSession session = sessions.current();
      Visit visit = visitOf(session.serviceOrders().get(id), visitId);
      Map<UUID, Integer> delivered = new LinkedHashMap<>();
      for (OrderLine line : visit.lines()) {
        String value = typed.get(line.slotId().toString());
        if (value != null) {
          delivered.put(line.slotId(),
              OpsForms.units(value, "delivered[" + line.position() + "]"));
        }
      }
      session.serviceOrders().completeVisit(id, visitId, new CompleteVisit(delivered,
          returnUndelivered, OpsForms.reason(notes, "notes")));
      redirect.addFlashAttribute("notice", "Visit completed.");
      return "redirect:/orders/" + id + "/visits/" + visitId;
    } catch (PermissionDeniedException e) {
      throw e; // no form to show it beside: the console's 403 page
    } catch (RestockException e) {
      return failed(e, "complete", id, visitId, typed, kept, model, response);
    }
  }

  /** Skips the visit, with a reason; its planned units go back to stock when asked. */
  @PostMapping("/orders/{id}/visits/{visitId}/skip")
  String skip(@PathVariable UUID id, @PathVariable UUID visitId,
      @RequestParam(required = false) String reason,
      @RequestParam(defaultValue = "false") boolean returnToStock, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      String why = OpsForms.reason(reason, "reason");
      if (why == null) {
        throw ValidationException.of("reason", "is required to skip a visit");
      }
      sessions.current().serviceOrders().skipVisit(id, visitId, why, returnToStock);
      redirect.addFlashAttribute("notice", "Visit skipped.");
      return "redirect:/orders/" + id + "/visits/" + visitId;
    } catch (PermissionDeniedException e) {
      throw e; // no form to show it beside: the console's 403 page
    } catch (RestockException e) {
      return failed(e, "skip", id, visitId, Map.of(), new Kept(null, false, reason,
          returnToStock), model, response);
    }
  }

  private String failed(RestockException e, String form, UUID id, UUID visitId,
      Map<String, String> typed, Kept kept, Model model, HttpServletResponse response) {
    response.setStatus(ApiErrors.statusOf(e).value());
    model.addAttribute("errorForm", form);
    model.addAttribute("errors", ApiErrors.details(e));
    model.addAttribute("kept", kept);
    show(id, visitId, typed, model);
    return "visit";
  }

  private void show(UUID id, UUID visitId, Map<String, String> typed, Model model) {
    RestockSession session = sessions.current();
    ServiceOrder order = session.serviceOrders().get(id);
    Visit visit = visitOf(order, visitId);
    Map<UUID, PickLine> bySlot = new LinkedHashMap<>();
    session.serviceOrders().pickList(id, false).lines().forEach(l -> bySlot.put(l.slotId(), l));
    Map<String, String> values = new HashMap<>();
    for (OrderLine l : visit.lines()) {
      String key = l.slotId().toString();
      values.put(key, typed.getOrDefault(key, String.valueOf(
          l.delivered() != null ? l.delivered() : l.planned())));
    }
    model.addAttribute("order", order);
    model.addAttribute("visit", visit);
    model.addAttribute("visitNumber", order.visits().indexOf(visit) + 1);
    model.addAttribute("slotLines", bySlot);
    model.addAttribute("values", values);
    model.addAttribute("pending", visit.status() == VisitStatus.PENDING);
    if (!model.containsAttribute("kept")) {
      model.addAttribute("kept", Kept.NONE);
    }
    // the back office, and a driver on the orders assigned to them, service visits (the
    // engine's access policy; it still refuses the others)
    RestockPrincipal me = RequestSessions.principal();
    boolean may = OpsAccess.mayService(me, order);
    model.addAttribute("notMine", me != null && me.role() == Role.DRIVER && !may);
    model.addAttribute("readOnly", !may && (me == null || me.role() != Role.DRIVER));
    model.addAttribute("mayService", may);
    model.addAttribute("serviceable", visit.status() == VisitStatus.PENDING
        && order.status() == OrderStatus.IN_PROGRESS && may);
    model.addAttribute("unitsField", UNITS_FIELD);
  }

  private static Visit visitOf(ServiceOrder order, UUID visitId) {
    return order.visit(visitId).orElseThrow(
        () -> new NotFoundException("visit of " + order.number(), visitId));
  }
}
