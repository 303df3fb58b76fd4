package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.fleet.Location;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "The operator's reports.",
    subcommands = {ReportCommand.Utilisation.class, ReportCommand.LowStock.class,
        ReportCommand.SoldOut.class, ReportCommand.StockValue.class})
final class ReportCommand {

  static UUID route(RestockSession session, String code) {
    return code == null ? null : session.routes().getByCode(code).id();
  }

  static void slots(EngineCommand command, List<SlotStock> slots) {
    command.print(slots, () -> {
      Table t = new Table("ROUTE", "DEVICE", "CAB", "SLOT", "SKU", "QTY", "PAR", "CAP", "%PAR");
      slots.forEach(s -> t.row(s.routeCode(), s.deviceName(), s.cabinetIndex(), s.position(),
          s.sku(), s.quantity(), s.parLevel(), s.capacity(), s.percentOfPar()));
      t.print(command.out());
    });
  }

  @Command(name = "device-utilisation", description = "Devices with cabinet count, location and "
      + "route.")
  static final class Utilisation extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only this route's machines.") String route;
    @Option(names = "--location", paramLabel = "NAME",
        description = "Only machines at this location.") String location;

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
      List<DeviceUtilisation> rows = session.reports().deviceUtilisation(route(session, route),
          locationId);
      print(rows, () -> {
        Table t = new Table("DEVICE", "CABINETS", "LOCATION", "ROUTE");
        rows.forEach(r -> t.row(r.deviceName(), r.cabinetCount(), r.locationName(),
            r.routeName()));
        t.print(out());
      });
    }
  }

  @Command(name = "low-stock", description = "Slots at or below a percentage of par.")
  static final class LowStock extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only this route's machines.") String route;
    @Option(names = "--percent", defaultValue = "30",
        description = "Percentage of par (default: ${DEFAULT-VALUE}).") int percent;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      slots(this, session.reports().lowStock(route(session, route), percent));
    }
  }

  @Command(name = "sold-out", description = "Slots with nothing left.")
  static final class SoldOut extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE",
        description = "Only this route's machines.") String route;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      slots(this, session.reports().soldOut(route(session, route)));
    }
  }

  @Command(name = "stock-value", description = "Warehouse on-hand times price, per product.")
  static final class StockValue extends EngineCommand {
    @Override
    void run(Restock engine) {
      StockValuation value = reader(engine).reports().stockValue();
      print(value, () -> {
        Table t = new Table("SKU", "PRODUCT", "ON HAND", "PRICE", "VALUE");
        value.lines().forEach(l -> t.row(l.sku(), l.name(), l.onHand(), l.price(), l.value()));
        t.print(out());
        out().println("total " + value.total());
      });
    }
  }
}
