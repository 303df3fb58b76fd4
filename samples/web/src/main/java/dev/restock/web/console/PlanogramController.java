package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.RestockException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.web.RequestSessions;
import dev.restock.web.api.ApiErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planogram editor of one cabinet, {@code /cabinets/{cabinetId}/planogram}: the cabinet's
 * active planogram as its grid of rows (letters A..) by columns (1..), every cell with its
 * product, par level and capacity and the quantity in it now. Saving posts the whole grid and
 * becomes one {@link dev.restock.api.planogram.port.in.PlanogramManagement#update planogram
 * update} whose slot list is the grid's cells with a product or a capacity; a cell left without
 * both is no slot. The form carries the planogram's id and version: a save of a form opened on
 * an older state is refused (409) rather than putting the old values back. Validation problems
 * are listed beside the grid as {@code field: message} lines, other engine errors as their
 * message, the input kept and nothing written.
 */
@Controller
public class PlanogramController {
  private final RequestSessions sessions;

  PlanogramController(RequestSessions sessions) {
    this.sessions = sessions;
  }

  /**
   * One cell of the grid as the form shows it: the slot's values as text (so that what the user
   * typed is shown again as typed), and the quantity in it now.
   *
   * @param position like {@code A1}
   * @param productId the product's id, or empty for no product
   * @param parLevel the par level as typed
   * @param capacity the capacity as typed
   * @param quantity the units in the slot now, or null when there is no slot
   * @param invalid whether a problem names this cell
   * @param slotId the slot's id (for its history), or null when there is no slot
   */
  public record PlanogramCell(String position, String productId, String parLevel,
      String capacity, Integer quantity, boolean invalid, UUID slotId) {}

  /** The editor with the cabinet's active planogram. */
  @GetMapping("/cabinets/{cabinetId}/planogram")
  String edit(@PathVariable UUID cabinetId, Model model) {
    RestockSession session = sessions.current();
    Located located = locate(session, cabinetId);
    Planogram planogram = session.planograms().activeFor(cabinetId);
    List<List<PlanogramCell>> grid = new ArrayList<>();
    for (int r = 0; r < located.cabinet().rows(); r++) {
      List<PlanogramCell> row = new ArrayList<>();
      for (int c = 1; c <= located.cabinet().columns(); c++) {
        String position = position(r, c);
        Slot slot = planogram.slotAt(position).orElse(null);
        row.add(slot == null ? new PlanogramCell(position, "", "", "", null, false, null)
            : new PlanogramCell(position,
                slot.productId() == null ? "" : slot.productId().toString(),
                Integer.toString(slot.parLevel()), Integer.toString(slot.capacity()),
                slot.quantity(), false, slot.id()));
      }
      grid.add(row);
    }
    fill(model, session, located, planogram, grid, List.of(), "");
    model.addAttribute("openedId", planogram.id());
    model.addAttribute("openedVersion", planogram.version());
    return "planogram";
  }

  /**
   * Saves the whole grid as the planogram's slot list, or shows the problems with the input kept
   * and nothing written: the engine's {@code field: message} lines (422); "changed meanwhile"
   * (409) when the form was opened on another planogram or another version than the cabinet's
   * active one now (another tab, the API's slot update), since the grid would silently put the
   * old values back; any other engine error with the status the API gives it.
   */
  @PostMapping("/cabinets/{cabinetId}/planogram")
  String save(@PathVariable UUID cabinetId, @RequestParam Map<String, String> form,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    String reason = form.getOrDefault("reason", "").strip();
    RestockSession session = sessions.current(reason.isEmpty() ? "planogram editor" : reason);
    Located located = locate(session, cabinetId);
    Opened opened = opened(form);
    Planogram planogram;
    RestockException failure = null;
    try {
      planogram = session.planograms().activeFor(cabinetId);
    } catch (RestockException e) {
      planogram = null;
      failure = e;
    }
    List<Violation> violations = new ArrayList<>();
    List<SlotSpec> specs = new ArrayList<>();
    List<String> specPositions = new ArrayList<>();
    List<List<PlanogramCell>> grid = new ArrayList<>();
    for (int r = 0; r < located.cabinet().rows(); r++) {
      List<PlanogramCell> row = new ArrayList<>();
      for (int c = 1; c <= located.cabinet().columns(); c++) {
        String position = position(r, c);
        String product = form.getOrDefault("product_" + position, "").strip();
        String par = form.getOrDefault("par_" + position, "").strip();
        String capacity = form.getOrDefault("capacity_" + position, "").strip();
        Slot slot = planogram == null ? null : planogram.slotAt(position).orElse(null);
        row.add(new PlanogramCell(position, product, par, capacity,
            slot == null ? null : slot.quantity(), false, slot == null ? null : slot.id()));
        if (product.isEmpty() && capacity.isEmpty()) {
          continue; // no slot at this position
        }
        String prefix = "slots[" + specs.size() + "]";
        int before = violations.size();
        UUID productId = product.isEmpty() ? null : uuid(product, prefix + ".productId",
            violations);
        Integer cap = number(capacity, prefix + ".capacity", violations);
        Integer parLevel = par.isEmpty() && productId == null ? Integer.valueOf(0)
            : number(par, prefix + ".parLevel", violations);
        // the slot's own price stays while its product does; a new product brings its price
        BigDecimal price = slot != null && productId != null
            && productId.equals(slot.productId()) ? slot.price() : null;
        specPositions.add(position);
        if (violations.size() > before) {
          specs.add(null);
          continue;
        }
        try {
          specs.add(new SlotSpec(position, productId, cap, parLevel, null, price));
        } catch (ValidationException e) {
          e.violations().forEach(v -> violations.add(
              new Violation(prefix + "." + v.field(), v.message())));
          specs.add(null);
        }
      }
      grid.add(row);
    }
    List<PlanogramProblem> problems = new ArrayList<>();
    int status;
    if (failure != null) {
      status = status(failure);
      ApiErrors.details(failure).forEach(line -> problems.add(new PlanogramProblem(null, line)));
    } else if (!opened.matches(planogram)) {
      status = HttpStatus.CONFLICT.value();
      problems.add(new PlanogramProblem(null, changedMeanwhile(session, planogram)));
    } else if (!violations.isEmpty()) {
      status = HttpStatus.UNPROCESSABLE_CONTENT.value();
    } else {
      try {
        session.planograms().update(planogram.id(), new UpdatePlanogram(null, specs));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cabinets/" + cabinetId + "/planogram";
      } catch (ValidationException e) {
        violations.addAll(e.violations());
        status = HttpStatus.UNPROCESSABLE_CONTENT.value();
      } catch (RestockException e) {
        status = status(e);
        ApiErrors.details(e).forEach(line -> problems.add(new PlanogramProblem(null, line)));
      }
    }
    violations.forEach(v -> problems.add(new PlanogramProblem(position(v, specPositions),
        v.toString())));
    fill(model, session, located, planogram, mark(grid, violations, specPositions), problems,
        reason);
    // the form keeps what it was opened on: saving it again is refused again until a reload
    model.addAttribute("openedId", opened.id());
    model.addAttribute("openedVersion", opened.version());
    response.setStatus(status);
    return "planogram";
  }

  /**
   * The planogram and version the form was opened on (its hidden fields); null when missing or
   * not readable, which never matches a planogram.
   */
  record Opened(UUID id, Long version) {
    boolean matches(Planogram p) {
      return id != null && version != null && id.equals(p.id()) && version == p.version();
    }
  }

  private static Opened opened(Map<String, String> form) {
    UUID id;
    Long version;
    try {
      id = UUID.fromString(form.getOrDefault("planogramId", "").strip());
    } catch (IllegalArgumentException e) {
      id = null;
    }
    try {
      version = Long.valueOf(form.getOrDefault("version", "").strip());
    } catch (NumberFormatException e) {
      version = null;
    }
    return new Opened(id, version);
  }

  /** The 409 line: who changed the planogram last, and when, and what to do. */
  private static String changedMeanwhile(RestockSession session, Planogram current) {
    UUID by = current.stamp().updatedBy();
    String who = by == null ? "someone" : HistoryController.who(session, by);
    String when = current.stamp().updatedAt() == null ? ""
        : " at " + current.stamp().updatedAt();
    return "This planogram was changed meanwhile by " + who + when + " (now version "
        + current.version() + ") — reload to see the change and edit again; nothing was saved "
        + "and your input is kept here.";
  }

  /**
   * The status of an engine error as the API gives it; a concurrent change, which the API
   * leaves at 400, is a conflict here.
   */
  private static int status(RestockException e) {
    return e instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
        : ApiErrors.statusOf(e).value();
  }

  /**
   * One problem of a save: the engine's {@code field: message} line and the cell it is about.
   *
   * @param position the cell, or null when the problem concerns no single cell
   * @param line the {@code field: message} line
   */
  public record PlanogramProblem(String position, String line) {}

  /** The cabinet and its device. */
  record Located(Device device, Cabinet cabinet) {}

  /**
   * Finds the device holding the cabinet. The engine reads cabinets only through their device
   * and has no look-up by cabinet id, so the live devices are read a page at a time.
   */
  private static Located locate(RestockSession session, UUID cabinetId) {
    for (int page = 0; ; page++) {
      Page<DeviceSetup> devices = session.devices().listWithPlanograms(
          PageRequest.of(page, 200));
      for (DeviceSetup setup : devices.items()) {
        for (Cabinet c : setup.device().cabinets()) {
          if (c.id().equals(cabinetId)) {
            return new Located(setup.device(), c);
          }
        }
      }
      if ((long) (page + 1) * 200 >= devices.total() || devices.items().isEmpty()) {
        throw new NotFoundException("cabinet", cabinetId);
      }
    }
  }

  private static void fill(Model model, RestockSession session, Located located,
      Planogram planogram, List<List<PlanogramCell>> grid, List<PlanogramProblem> problems,
      String reason) {
    List<Product> products = new ArrayList<>(RecordsPages.all(
        request -> session.products().list(request)));
    products.sort(Comparator.comparing(Product::sku));
    List<String> columns = new ArrayList<>();
    for (int c = 1; c <= located.cabinet().columns(); c++) {
      columns.add(Integer.toString(c));
    }
    model.addAttribute("device", located.device());
    model.addAttribute("cabinet", located.cabinet());
    model.addAttribute("planogram", planogram);
    model.addAttribute("products", products);
    model.addAttribute("columns", columns);
    model.addAttribute("grid", grid);
    model.addAttribute("errors", problems);
    model.addAttribute("reason", reason);
  }

  /** The grid with every cell a violation names marked. */
  private static List<List<PlanogramCell>> mark(List<List<PlanogramCell>> grid,
      List<Violation> violations, List<String> specPositions) {
    Set<String> invalid = new HashSet<>();
    for (Violation v : violations) {
      String position = position(v, specPositions);
      if (position != null) {
        invalid.add(position);
      }
    }
    return grid.stream().map(row -> row.stream().map(c -> invalid.contains(c.position())
        ? new PlanogramCell(c.position(), c.productId(), c.parLevel(), c.capacity(),
            c.quantity(), true, c.slotId()) : c).toList()).toList();
  }

  /** The cell a violation of {@code slots[i]...} is about, or null. */
  private static String position(Violation v, List<String> specPositions) {
    if (!v.field().startsWith("slots[")) {
      return null;
    }
    try {
      int i = Integer.parseInt(v.field().substring(6, v.field().indexOf(']')));
      return i >= 0 && i < specPositions.size() ? specPositions.get(i) : null;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static String position(int row, int column) {
    return (char) ('A' + row) + Integer.toString(column);
  }

  private static Integer number(String text, String field, List<Violation> violations) {
    if (text.isEmpty()) {
      violations.add(new Violation(field, "is required"));
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      violations.add(new Violation(field, "must be a whole number (was '" + text + "')"));
      return null;
    }
  }

  private static UUID uuid(String text, String field, List<Violation> violations) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(field, "is not a product id (was '" + text + "')"));
      return null;
    }
  }
}
