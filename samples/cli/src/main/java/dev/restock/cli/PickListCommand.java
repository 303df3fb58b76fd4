package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.PlanOutcome;
import dev.restock.api.picklist.port.in.PickListPreview;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pick-list", description = "Preview what a route's machines need.")
final class PickListCommand extends EngineCommand {
  @Option(names = "--route", paramLabel = "CODE", required = true,
        description = "The route's code.") String route;

  @Option(names = "--strategy", paramLabel = "ID", defaultValue = PickListPreview.DEFAULT_STRATEGY,
      description = "Pick-list strategy (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Override
  void run(Restock engine) {
    RestockSession session = reader(engine);
    PickList list = session.pickLists().preview(session.routes().getByCode(route).id(), strategy);
    print(list, () -> render(list, out()));
  }

  /** Why a pick list has no line, from what the planning saw, never a guess. */
  static String nothingToPick(PickList list) {
    PlanOutcome outcome = list.outcome();
    if (outcome == null) {
      return "Nothing to pick.";
    }
    if (outcome.stockedSlots() == 0) {
      return "Nothing to pick: route " + list.routeCode()
          + " has no stocked slot under an active planogram.";
    }
    String slots = outcome.stockedSlots() + " stocked slot" + (outcome.stockedSlots() == 1 ? "" : "s");
    String below = outcome.slotsBelowPar() + " of " + (outcome.stockedSlots() == 1 ? "it" : "them")
        + " below par";
    if (outcome.slotsPlanned() == 0) {
      return "Nothing to pick: strategy '" + list.strategyId() + "' planned nothing for " + slots
          + ", " + below + ".";
    }
    return "Nothing to pick: strategy '" + list.strategyId() + "' planned units for "
        + outcome.slotsPlanned() + " of " + slots + " (" + below + "), each under the minimum pick.";
  }

  static void render(PickList list, PrintWriter out) {
    out.println("Pick list for route " + list.routeCode() + " (" + list.strategyId() + "), "
        + list.totalUnits() + " unit(s)");
    out.println();
    Table lines = new Table("DEVICE", "CAB", "SLOT", "SKU", "PRODUCT", "QTY", "PAR", "CAP", "PICK");
    list.lines().forEach(l -> lines.row(l.deviceName(), l.cabinetIndex(), l.position(), l.sku(),
        l.productName(), l.quantity(), l.parLevel(), l.capacity(), l.pick()));
    if (lines.isEmpty()) {
      out.println(nothingToPick(list));
      return;
    }
    lines.print(out);
    out.println();
    out.println("Totals per product (for pre-kitting)");
    Table totals = new Table("CATEGORY", "SKU", "PRODUCT", "UNITS", "CASE PACK");
    list.totals().forEach(t -> totals.row(t.category(), t.sku(), t.name(), t.units(),
        t.casePack()));
    totals.print(out);
  }
}
