package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.DeliveryNote;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "order", description = "Service orders.",
    subcommands = {OrderCommand.Create.class, OrderCommand.ListOrders.class,
        OrderCommand.Show.class, OrderCommand.Assign.class, OrderCommand.Dispatch.class,
        OrderCommand.Cancel.class})
final class OrderCommand {

  static ServiceOrder byNumber(RestockSession session, String number) {
    return session.serviceOrders().getByNumber(number);
  }

  static void summary(ServiceOrder o, PrintWriter out) {
    out.println(o.number() + "  " + o.status() + "  " + o.visits().size() + " visit(s), "
        + o.totalUnits() + " unit(s), about " + o.estimatedMinutes() + " min, strategy "
        + o.strategyId());
  }

  @Command(name = "create", description = "Create an order for a route.")
  static final class Create extends EngineCommand.Writing {
    @Option(names = "--route", paramLabel = "CODE", required = true,
        description = "The route's code.") String route;
    @Option(names = "--strategy", paramLabel = "ID",
        description = "The pick-list strategy id (default: fill-to-par).") String strategy;
    @Option(names = "--policy", paramLabel = "ID", description = "Visit policy (default all-cabinets).")
    String policy;
    @Option(names = "--min-pick", paramLabel = "N", defaultValue = "0",
        description = "Leave out slots needing fewer units (default: ${DEFAULT-VALUE}).") int minPick;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      ServiceOrder order = session.serviceOrders().create(new CreateServiceOrder(
          session.routes().getByCode(route).id(), null, policy, strategy,
          new PickOptions(minPick, false)));
      print(order, () -> summary(order, out()));
    }
  }

  @Command(name = "list", description = "List orders, newest first, optionally by status, "
      + "driver or route.")
  static final class ListOrders extends EngineCommand {
    @Option(names = "--page", defaultValue = "1",
        description = "Page number, from 1 (default: ${DEFAULT-VALUE}).") int page;
    @Option(names = "--size", defaultValue = "50",
        description = "Rows per page (default: ${DEFAULT-VALUE}).") int size;
    @Option(names = "--status", split = ",", paramLabel = "STATUS[,STATUS...]",
        description = "Only orders in these states (PENDING, ASSIGNED, IN_PROGRESS, COMPLETED, "
            + "CANCELLED).") List<String> statuses;
    @Option(names = "--driver", paramLabel = "USERNAME",
        description = "Orders of this driver.") String driver;
    @Option(names = "--route", paramLabel = "CODE",
        description = "Orders of this route.") String route;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      dev.restock.api.query.Criteria criteria = dev.restock.api.query.Criteria.all();
      if (statuses != null) {
        criteria = criteria.and("status", dev.restock.api.query.Criteria.Operator.IN,
            statuses.stream().map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toArray());
      }
      if (driver != null) {
        criteria = criteria.and("driverId", dev.restock.api.query.Criteria.Operator.EQ,
            session.users().getByUsername(driver).id());
      }
      if (route != null) {
        criteria = criteria.and("routeId", dev.restock.api.query.Criteria.Operator.EQ,
            session.routes().getByCode(route).id());
      }
      Page<ServiceOrder> orders = session.serviceOrders()
          .find(criteria, PageRequest.of(Math.max(0, page - 1), size));
      print(orders, () -> {
        Table t = new Table("NUMBER", "STATUS", "VISITS", "UNITS", "MINUTES", "STRATEGY");
        orders.items().forEach(o -> t.row(o.number(), o.status(), o.visits().size(),
            o.totalUnits(), o.estimatedMinutes(), o.strategyId()));
        t.print(out());
      });
    }
  }

  @Command(name = "show", aliases = "pick-list",
      description = {"An order's pick list per cabinet and pre-kit totals.",
          "Under --format csv: " + PickListCsv.LAYOUT})
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "NUMBER", description = "The order number, e.g. SO-2026-000001.")
    String number;
    @Option(names = "--round-to-case", description = "Round product totals up to case packs.")
    boolean roundToCase;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      ServiceOrder order = byNumber(session, number);
      PickList list = session.serviceOrders().pickList(order.id(), roundToCase);
      if (format() == OutputFormat.CSV) {
        PickListCsv.write(list, PickListCsv.serials(session, list), out());
        return;
      }
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("order", order);
      view.put("pickList", list);
      print(view, () -> {
        summary(order, out());
        int n = 1;
        for (Visit v : order.visits()) {
          out().println();
          out().println("visit " + n++ + ": " + v.deviceName() + " cabinet " + v.cabinetIndex()
              + "  " + v.status() + (v.notes() == null ? "" : "  (" + v.notes() + ")"));
          Table t = new Table("SLOT", "SKU", "PRODUCT", "PLANNED", "DELIVERED");
          list.lines().stream().filter(l -> l.deviceId().equals(v.deviceId())
              && l.cabinetIndex() == v.cabinetIndex()).forEach(l -> t.row(l.position(), l.sku(),
                  l.productName(), l.pick(), delivered(v, l)));
          if (t.isEmpty()) {
            out().println("nothing to load");
          } else {
            t.print(out());
          }
        }
        out().println();
        out().println("Pre-kit totals" + (roundToCase ? " (whole cases)" : ""));
        Table totals = new Table("CATEGORY", "SKU", "PRODUCT", "UNITS", "CASES");
        list.totals().forEach(t -> totals.row(t.category(), t.sku(), t.name(), t.units(),
            t.cases()));
        totals.print(out());
      });
    }

    private static Object delivered(Visit v, PickLine l) {
      return v.lineForSlot(l.slotId()).map(x -> x.delivered()).orElse(null);
    }
  }

  @Command(name = "assign", description = "Assign an order to a driver, or reassign it to "
      + "another driver until it is dispatched.")
  static final class Assign extends EngineCommand.Writing {
    @Parameters(paramLabel = "NUMBER", description = "The order number.") String number;
    @Option(names = "--driver", paramLabel = "USERNAME", required = true,
        description = "The driver, by username.")
    String driver;
    @Override
    void run(Restock engine) {
      // --reason (from Writing) is kept in the order's history, e.g. for a reassignment
      RestockSession session = writer(engine);
      ServiceOrder order = session.serviceOrders().assign(byNumber(session, number).id(),
          session.users().getByUsername(driver).id(), reason);
      print(order, () -> summary(order, out()));
    }
  }

  @Command(name = "dispatch", description = "Take an assigned order's units from stock.")
  static final class Dispatch extends EngineCommand.Writing {
    @Parameters(paramLabel = "NUMBER",
        description = "The order number, e.g. SO-2026-000001.") String number;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      DeliveryNote note = session.serviceOrders().dispatch(byNumber(session, number).id());
      print(note, () -> DeliveryNoteCommand.render(note, out()));
    }
  }

  @Command(name = "cancel", description = "Cancel a pending or assigned order.")
  static final class Cancel extends EngineCommand.Writing {
    @Parameters(paramLabel = "NUMBER",
        description = "The order number, e.g. SO-2026-000001.") String number;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      ServiceOrder order = session.serviceOrders().cancel(byNumber(session, number).id(),
          requiredReason());
      print(order, () -> summary(order, out()));
    }
  }
}
