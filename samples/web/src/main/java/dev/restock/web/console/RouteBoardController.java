package dev.restock.web.console;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.port.in.PickListPreview;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.web.RequestSessions;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The route board: the live routes ({@code /routes}), one route's machines with what each needs
 * and the product totals for pre-kitting under a chosen strategy ({@code /routes/{id}}), and the
 * printable pick list ({@code /routes/{id}/pick-list}). Nothing here writes: the numbers come
 * from the engine's pick-list preview.
 */
@Controller
public class RouteBoardController {
  private final RequestSessions sessions;
  private final Restock restock;

  RouteBoardController(RequestSessions sessions, Restock restock) {
    this.sessions = sessions;
    this.restock = restock;
  }

  /** The live routes, by code, with their number of machines. */
  @GetMapping("/routes")
  String routes(Model model) {
    RestockSession session = sessions.current();
    List<Route> routes = OpsLookups.liveRoutes(session);
    model.addAttribute("routes", routes.stream()
        .map(r -> new RouteRow(r, session.devices().listByRoute(r.id()).size())).toList());
    return "routes";
  }

  /**
   * One route's board.
   *
   * @param strategy the pick-list strategy; the engine's default when absent; an unknown one
   *     is the engine's validation error, naming the known ids
   */
  @GetMapping("/routes/{id}")
  String route(@PathVariable UUID id, @RequestParam(required = false) String strategy,
      Model model) {
    board(id, strategy, model);
    return "route";
  }

  /** The print-friendly pick list of a route: grouped by machine, with columns to tick. */
  @GetMapping("/routes/{id}/pick-list")
  String pickList(@PathVariable UUID id, @RequestParam(required = false) String strategy,
      Model model) {
    board(id, strategy, model);
    return "route-pick-list";
  }

  private void board(UUID id, String strategy, Model model) {
    RestockSession session = sessions.current();
    String chosen = strategy == null || strategy.isBlank()
        ? PickListPreview.DEFAULT_STRATEGY : strategy.strip();
    Route route = session.routes().get(id);
    List<Device> devices = session.devices().listByRoute(id).stream()
        .sorted(Comparator.comparing(Device::name)).toList();
    PickList list = session.pickLists().preview(id, chosen);
    model.addAttribute("route", route);
    model.addAttribute("strategy", chosen);
    model.addAttribute("strategies", new TreeSet<>(restock.pickListStrategies()));
    model.addAttribute("defaultStrategy", CreateServiceOrder.DEFAULT_STRATEGY);
    model.addAttribute("pickList", list);
    model.addAttribute("machines", OpsPickLists.byMachine(devices, list));
    // creating an order is back-office work (the engine's access policy; it still decides)
    model.addAttribute("canCreate", OpsAccess.backOffice(RequestSessions.principal()));
  }

  /**
   * A row of the route list.
   *
   * @param route the route
   * @param machines its live machines
   */
  public record RouteRow(Route route, int machines) {}
}
