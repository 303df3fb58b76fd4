package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.query.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "device", description = "Devices (vending machines).",
    subcommands = {DeviceCommand.ListDevices.class, DeviceCommand.Show.class})
final class DeviceCommand {

  @Command(name = "list", description = "List live devices.")
  static final class ListDevices extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE", description = "Only devices on this route.")
    String route;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      List<Device> devices = route != null
          ? session.devices().listByRoute(session.routes().getByCode(route).id())
          : session.devices().list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
      Map<UUID, String> routeCodes = new LinkedHashMap<>();
      session.routes().list(PageRequest.of(0, PageRequest.MAX_SIZE)).items()
          .forEach(r -> routeCodes.put(r.id(), r.code()));
      print(devices, () -> {
        Table t = new Table("NAME", "SERIAL", "ROUTE", "CABINETS", "ID");
        devices.forEach(d -> t.row(d.name(), d.serialNumber(), routeCodes.get(d.routeId()),
            d.cabinets().size(), d.id()));
        t.print(out());
      });
    }
  }

  @Command(name = "show", description = "Show a device by serial number or id, with its slots.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "SERIAL|ID",
        description = "The device's serial number or id.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      UUID id = ProductCommand.uuid(key);
      DeviceSetup setup = session.devices().getWithPlanograms(id != null ? id
          : session.devices().getBySerialNumber(key).id());
      Device device = setup.device();
      // a cabinet without an active planogram is shown without slots
      List<Planogram> planograms = setup.planograms();
      String routeCode = device.routeId() == null ? null
          : session.routes().get(device.routeId()).code();
      Map<UUID, String> skus = new java.util.HashMap<>();
      session.products().getAll(planograms.stream().flatMap(p -> p.slots().stream())
              .map(s -> s.productId()).filter(java.util.Objects::nonNull).distinct().toList())
          .forEach(p -> skus.put(p.id(), p.deleted() ? p.sku() + " (deleted)" : p.sku()));
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("device", device);
      view.put("planograms", planograms);
      print(view, () -> {
        out().println(device.name() + "  serial " + device.serialNumber() + "  route "
            + (routeCode == null ? "-" : routeCode) + "  id " + device.id());
        for (Cabinet c : device.cabinets()) {
          out().println();
          out().println("cabinet " + c.index() + " (" + c.rows() + "x" + c.columns() + ")");
          planograms.stream().filter(p -> p.cabinetId().equals(c.id())).findFirst().ifPresent(p -> {
            Table t = new Table("SLOT", "PRODUCT", "QTY", "PAR", "CAPACITY", "PRICE", "SLOT ID");
            p.slots().forEach(s -> t.row(s.position(),
                s.productId() == null ? "(empty)" : skus.get(s.productId()),
                s.quantity(), s.parLevel(), s.capacity(),
                s.price() == null ? null : s.price().toPlainString(), s.id()));
            t.print(out());
          });
        }
      });
    }
  }
}
