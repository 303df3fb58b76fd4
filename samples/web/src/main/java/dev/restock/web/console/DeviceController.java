package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.web.RequestSessions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's device pages: {@code /devices} lists the live devices (name, serial, route,
 * location, cabinets), {@code /devices/{id}} shows one device's cabinets with their active
 * planograms and a link to each cabinet's planogram editor.
 */
@Controller
public class DeviceController {
  private final RequestSessions sessions;

  DeviceController(RequestSessions sessions) {
    this.sessions = sessions;
  }

  /** One row of the device list. */
  public record DeviceRow(Device device, String route, String location) {}

  /** One cabinet of a device with its type's name and its active planogram (or null). */
  public record CabinetRow(Cabinet cabinet, String type, Planogram planogram) {}

  /**
   * The list of live devices, a page at a time ({@code page}, zero-based, and {@code size},
   * default {@value RecordsPages#DEFAULT_SIZE}), in name order; a problem with either, or a page
   * past the last, is the engine's 422 error page.
   */
  @GetMapping("/devices")
  String list(@RequestParam(required = false) String page,
      @RequestParam(required = false) String size, Model model) {
    PageRequest request = RecordsPages.request(page, size);
    RestockSession session = sessions.current();
    Page<Device> devices = session.devices().list(request);
    RecordsPages.requireInRange(devices);
    Map<UUID, String> routes = new HashMap<>();
    Map<UUID, String> locations = new HashMap<>();
    List<DeviceRow> rows = devices.items().stream().map(d -> new DeviceRow(d,
        d.routeId() == null ? "" : routes.computeIfAbsent(d.routeId(), id -> route(session, id)),
        locations.computeIfAbsent(d.locationId(), id -> location(session, id)))).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("page", devices.page());
    model.addAttribute("size", devices.size());
    model.addAttribute("hasNext", devices.page() + 1L < devices.pages());
    model.addAttribute("total", devices.total());
    return "devices";
  }

  /** One device: its cabinets, each with its active planogram and the editor's link. */
  @GetMapping("/devices/{id}")
  String device(@PathVariable UUID id, Model model) {
    RestockSession session = sessions.current();
    DeviceSetup setup = session.devices().getWithPlanograms(id);
    Device device = setup.device();
    Map<UUID, String> types = new HashMap<>();
    List<CabinetRow> cabinets = device.cabinets().stream().map(c -> new CabinetRow(c,
        types.computeIfAbsent(c.cabinetTypeId(), t -> cabinetType(session, t)),
        setup.planograms().stream().filter(p -> p.cabinetId().equals(c.id())).findFirst()
            .orElse(null))).toList();
    model.addAttribute("device", device);
    model.addAttribute("route", device.routeId() == null ? "" : route(session, device.routeId()));
    model.addAttribute("location", location(session, device.locationId()));
    model.addAttribute("cabinets", cabinets);
    return "device";
  }

  private static String route(RestockSession session, UUID id) {
    try {
      Route r = session.routes().get(id);
      return r.code();
    } catch (dev.restock.api.error.NotFoundException e) {
      return id.toString();
    }
  }

  private static String location(RestockSession session, UUID id) {
    try {
      Location l = session.locations().get(id);
      return l.name();
    } catch (dev.restock.api.error.NotFoundException e) {
      return id.toString();
    }
  }

  private static String cabinetType(RestockSession session, UUID id) {
    try {
      CabinetType t = session.cabinetTypes().get(id);
      return t.name();
    } catch (dev.restock.api.error.NotFoundException e) {
      return id.toString();
    }
  }
}
