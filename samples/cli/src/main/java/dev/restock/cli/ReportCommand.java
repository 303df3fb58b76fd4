package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.fleet.Location;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.reads.CashLine;
import dev.restock.api.validation.Checks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = "The operator's reports.",
    subcommands = {ReportCommand.Utilisation.class, ReportCommand.LowStock.class,
        ReportCommand.SoldOut.class, ReportCommand.StockValue.class, ReportCommand.Cash.class})
final class ReportCommand {

  @Command(name = "cash", description = "Cash accountability from the imported machine reads: "
      + "per machine and visit (from one read to the next), the units vended and their value "
      + "against the cash and cashless takings, with the difference (positive: over, negative: "
      + "short; empty when a read lacks a counter).")
  static final class Cash extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only the devices now on this route (default: every device).")
    String route;

    /** Visits ending within the range; the tool's one time syntax. */
    @Mixin TimeRange range = new TimeRange();

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Instant[] bounds = range.bounds();
      Instant from = bounds[0] == null ? Checks.EARLIEST : bounds[0];
      Instant to = bounds[1] == null ? Checks.LATEST : bounds[1];
      List<CashLine> lines = session.machineReads().cash(route(session, route), from, to);
      print(lines, () -> {
        Table t = newTable("SERIAL", "DEVICE", "FROM", "TO", "UNITS", "VEND VALUE", "CASH",
            "CASHLESS", "OVER/SHORT");
        lines.forEach(l -> t.row(l.serialNumber(), l.deviceName(), l.from(), l.to(),
            l.unitsVended(), l.vendValue(), blank(l.cash()), blank(l.cashless()),
            blank(l.difference())));
        print(t);
      });
    }

    private static Object blank(Object value) {
      return value == null ? "" : value;
    }
  }

  static UUID route(RestockSession session, String code) {
    return code == null ? null : session.routes().getByCode(code).id();
  }

  static void slots(EngineCommand command, Paging paging, List<SlotStock> all) {
    Page<SlotStock> slots = command.slice(paging, all);
    command.printPage(slots, () -> {
      Table t = command.newTable("ROUTE", "DEVICE", "CAB", "SLOT", "SKU", "QTY", "PAR", "CAP",
          "%PAR");
      slots.items().forEach(s -> t.row(s.routeCode(), s.deviceName(), s.cabinetIndex(),
          s.position(), s.sku(), s.quantity(), s.parLevel(), s.capacity(), s.percentOfPar()));
      command.print(t);
    });
  }

  @Command(name = "device-utilisation", description = "Devices with cabinet count, location and "
      + "route.")
  static final class Utilisation extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only this route's machines.") String route;
    @Option(names = "--location", paramLabel = "NAME",
        description = "Only machines at this location.") String location;
    @Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      UUID locationId = null;
      if (location != null) {
        locationId = session.locations().search(TextQuery.contains(location),
                PageRequest.of(0, 100), Visibility.LIVE).items().stream()
            .filter(l -> l.name().equalsIgnoreCase(location)).map(Location::id).findFirst()
            .orElseThrow(() -> new NotFoundException("location", location));
      }
      Page<DeviceUtilisation> rows = slice(paging,
          session.reports().deviceUtilisation(route(session, route), locationId));
      printPage(rows, () -> {
        Table t = newTable("DEVICE", "CABINETS", "LOCATION", "ROUTE");
        rows.items().forEach(r -> t.row(r.deviceName(), r.cabinetCount(), r.locationName(),
            r.routeName()));
        print(t);
      });
    }
  }

  @Command(name = "low-stock", description = "Slots at or below a percentage of par.")
  static final class LowStock extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only this route's machines.") String route;
    @Option(names = "--percent", defaultValue = "30",
        description = "Percentage of par (default: ${DEFAULT-VALUE}).") int percent;
    @Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      slots(this, paging, session.reports().lowStock(route(session, route), percent));
    }
  }

  @Command(name = "sold-out", description = "Slots with nothing left.")
  static final class SoldOut extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only this route's machines.") String route;
    @Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      slots(this, paging, session.reports().soldOut(route(session, route)));
    }
  }

  @Command(name = "stock-value", description = "Warehouse on-hand times price, per product.")
  static final class StockValue extends EngineCommand {
    @Override
    void run(Restock engine) {
      StockValuation value = reader(engine).reports().stockValue();
      print(value, () -> {
        Table t = newTable("SKU", "PRODUCT", "ON HAND", "PRICE", "VALUE");
        value.lines().forEach(l -> t.row(l.sku(), l.name(), l.onHand(), l.price(), l.value()));
        print(t);
        out().println("total " + value.total());
      });
    }
  }
}
