package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "device", description = "Devices (vending machines) with their cabinets, named "
    + "by serial number.",
    subcommands = {DeviceCommand.Add.class, DeviceCommand.Update.class,
        DeviceCommand.Delete.class, DeviceCommand.Restore.class, DeviceCommand.ListDevices.class,
        DeviceCommand.Show.class})
final class DeviceCommand {
  /** The grid of a cabinet given without one. */
  static final int DEFAULT_ROWS = 6;
  static final int DEFAULT_COLUMNS = 8;
  /** The cabinet type of cabinets taken from the device type. */
  static final String DEFAULT_CABINET_TYPE = "Ambient";

  private static final Pattern CABINET = Pattern.compile("([^:]+?)(?::(\\d{1,3})x(\\d{1,3}))?");

  @Command(name = "add", description = "Add a device with its cabinets (numbered 1, 2, 3 in the "
      + "order given).")
  static final class Add extends EngineCommand.Writing {
    @Option(names = "--serial", required = true, description = "Serial number, unique among "
        + "live devices (how the tool finds it).")
    String serial;
    @Option(names = "--name", required = true, description = "The device's name.") String name;
    @Option(names = "--location", required = true, paramLabel = "NAME",
        description = "Where it stands (a location's name).")
    String location;
    @Option(names = "--type", required = true, paramLabel = "DEVICE-TYPE",
        description = "Its device type by name, e.g. Single, Combo, Bank ('restock seed').")
    String type;
    @Option(names = "--route", paramLabel = "CODE", description = "The route serving it.")
    String route;
    @Option(names = "--cabinet", paramLabel = "TYPE[:ROWSxCOLUMNS]",
        description = "A cabinet by cabinet type name, with its grid (default "
            + DEFAULT_ROWS + "x" + DEFAULT_COLUMNS + "), e.g. Chilled:5x6; repeatable. Without "
            + "it, the device gets as many " + DEFAULT_CABINET_TYPE + " cabinets as its type "
            + "takes.")
    List<String> cabinets = new ArrayList<>();

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      DeviceType deviceType = NaturalKeys.deviceType(session, type);
      List<String> given = cabinets.isEmpty()
          ? java.util.Collections.nCopies(deviceType.maxCabinets(), DEFAULT_CABINET_TYPE)
          : cabinets;
      List<Violation> problems = new ArrayList<>();
      List<CabinetSpec> specs = new ArrayList<>();
      for (int i = 0; i < given.size(); i++) {
        Matcher m = CABINET.matcher(given.get(i).strip());
        if (!m.matches()) {
          problems.add(new Violation("--cabinet", "must look like TYPE or TYPE:ROWSxCOLUMNS "
              + "(was '" + given.get(i) + "')"));
          continue;
        }
        int rows = m.group(2) == null ? DEFAULT_ROWS : Integer.parseInt(m.group(2));
        int columns = m.group(3) == null ? DEFAULT_COLUMNS : Integer.parseInt(m.group(3));
        UUID cabinetType = NaturalKeys.cabinetType(session, m.group(1)).id();
        try {
          specs.add(new CabinetSpec(i + 1, cabinetType, rows, columns));
        } catch (ValidationException e) {
          int index = i + 1;
          e.violations().forEach(v -> problems.add(
              new Violation("cabinets[" + index + "]." + v.field(), v.message())));
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      Device d = session.devices().create(new CreateDevice(name, serial,
          NaturalKeys.location(session, location, Visibility.LIVE).id(),
          route == null ? null : NaturalKeys.route(session, route, Visibility.LIVE).id(),
          deviceType.id(), specs));
      print(d, () -> out().println("added device " + d.serialNumber() + " with "
          + d.cabinets().size() + " cabinet(s)"));
    }
  }

  @Command(name = "update", description = "Change a device's name, serial, location or route; "
      + "only the options given change. Cabinets are fixed when the device is added.")
  static final class Update extends EngineCommand.Writing {
    @Parameters(paramLabel = "SERIAL|ID", description = "The device.") String key;
    @Option(names = "--name", description = "New name.") String name;
    @Option(names = "--serial", description = "New serial number.") String serial;
    @Option(names = "--location", paramLabel = "NAME", description = "New location.")
    String location;
    @Option(names = "--route", paramLabel = "CODE", description = "New route.") String route;
    @Option(names = "--no-route", description = "Take the device off its route.")
    boolean noRoute;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Device current = NaturalKeys.device(session, key, Visibility.LIVE);
      Device d = session.devices().update(current.id(), new UpdateDevice(name, serial,
          location == null ? null : NaturalKeys.location(session, location, Visibility.LIVE).id(),
          route == null ? null : NaturalKeys.route(session, route, Visibility.LIVE).id(),
          noRoute));
      print(d, () -> out().println("updated device " + d.serialNumber()));
    }
  }

  @Command(name = "delete", description = "Soft-delete a device with its cabinets, planograms "
      + "and slots; it can be restored.")
  static final class Delete extends EngineCommand.Writing {
    @Parameters(paramLabel = "SERIAL|ID", description = "The device.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Device d = NaturalKeys.device(session, key, Visibility.LIVE);
      session.devices().delete(d.id());
      print(Map.of("deleted", d.id()), () -> out().println("deleted device "
          + d.serialNumber()));
    }
  }

  @Command(name = "restore", description = "Restore a soft-deleted device with what was "
      + "deleted with it.")
  static final class Restore extends EngineCommand.Writing {
    @Parameters(paramLabel = "SERIAL|ID", description = "The deleted device.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Device d = session.devices().restore(
          NaturalKeys.device(session, key, Visibility.ONLY_DELETED).id());
      print(d, () -> out().println("restored device " + d.serialNumber()));
    }
  }

  @Command(name = "list", description = "List devices by name (live ones unless told "
      + "otherwise).")
  static final class ListDevices extends EngineCommand {
    @Option(names = "--route", paramLabel = "CODE", description = "Only devices on this route.")
    String route;
    @Option(names = "--deleted", description = "Only soft-deleted devices.") boolean deleted;
    @picocli.CommandLine.Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Criteria criteria = Criteria.all();
      if (route != null) {
        criteria = criteria.and("routeId", Criteria.Operator.EQ,
            NaturalKeys.route(session, route, Visibility.LIVE).id());
      }
      List<Device> devices = session.devices().find(criteria.sortBy("name", false),
          PageRequest.of(0, PageRequest.MAX_SIZE),
          deleted ? Visibility.ONLY_DELETED : Visibility.LIVE).items();
      Names names = Names.of(session);
      dev.restock.api.query.Page<Device> page = slice(paging, devices);
      printPage(page, () -> {
        Table t = newTable("SERIAL", "NAME", "LOCATION", "ROUTE", "TYPE", "CABINETS");
        page.items().forEach(d -> t.row(d.serialNumber(), d.name(),
            names.location(d.locationId()), names.route(d.routeId()),
            names.deviceType(d.deviceTypeId()), cabinets(d, names)));
        print(t);
      });
    }
  }

  /** {@code 1 Ambient 6x8, 2 Chilled 5x6}. */
  static String cabinets(Device d, Names names) {
    return String.join(", ", d.cabinets().stream().map(c -> c.index() + " "
        + names.cabinetType(c.cabinetTypeId()) + " " + c.rows() + "x" + c.columns()).toList());
  }

  /** Names of the reference data a device points at, read once per command. */
  record Names(Map<UUID, String> locations, Map<UUID, String> routes,
      Map<UUID, String> deviceTypes, Map<UUID, String> cabinetTypes) {
    static Names of(RestockSession s) {
      PageRequest all = PageRequest.of(0, PageRequest.MAX_SIZE);
      Map<UUID, String> locations = new HashMap<>();
      s.locations().list(all, Visibility.INCLUDE_DELETED).items()
          .forEach(l -> locations.put(l.id(), l.name()));
      Map<UUID, String> routes = new HashMap<>();
      s.routes().list(all, Visibility.INCLUDE_DELETED).items()
          .forEach(r -> routes.put(r.id(), r.code()));
      Map<UUID, String> deviceTypes = new HashMap<>();
      s.deviceTypes().list(all, Visibility.INCLUDE_DELETED).items()
          .forEach(t -> deviceTypes.put(t.id(), t.name()));
      Map<UUID, String> cabinetTypes = new HashMap<>();
      s.cabinetTypes().list(all, Visibility.INCLUDE_DELETED).items()
          .forEach(t -> cabinetTypes.put(t.id(), t.name()));
      return new Names(locations, routes, deviceTypes, cabinetTypes);
    }

    String location(UUID id) {
      return locations.get(id);
    }

    String route(UUID id) {
      return id == null ? null : routes.get(id);
    }

    String deviceType(UUID id) {
      return deviceTypes.get(id);
    }

    String cabinetType(UUID id) {
      return cabinetTypes.get(id);
    }
  }

  /** Skus of the products in these planograms' slots, a deleted one marked. */
  static Map<UUID, String> skus(RestockSession session, List<Planogram> planograms) {
    Map<UUID, String> skus = new HashMap<>();
    session.products().getAll(planograms.stream().flatMap(p -> p.slots().stream())
            .map(s -> s.productId()).filter(Objects::nonNull).distinct().toList())
        .forEach(p -> skus.put(p.id(), skuOf(p)));
    return skus;
  }

  private static String skuOf(Product p) {
    return p.deleted() ? p.sku() + " (deleted)" : p.sku();
  }

  @Command(name = "show", description = "Show a device by serial number or id, with its "
      + "cabinets and slots.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "SERIAL|ID", description = "The device.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      DeviceSetup setup = session.devices().getWithPlanograms(
          NaturalKeys.device(session, key, Visibility.LIVE).id());
      Device device = setup.device();
      // a cabinet without an active planogram is shown without slots
      List<Planogram> planograms = setup.planograms();
      Names names = Names.of(session);
      Map<UUID, String> skus = skus(session, planograms);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("device", device);
      view.put("planograms", planograms);
      print(view, () -> {
        out().println(device.name() + "  serial " + device.serialNumber() + "  route "
            + (device.routeId() == null ? "-" : names.route(device.routeId())) + "  location "
            + names.location(device.locationId()) + "  type "
            + names.deviceType(device.deviceTypeId()));
        for (Cabinet c : device.cabinets()) {
          out().println();
          Planogram p = planograms.stream().filter(x -> x.cabinetId().equals(c.id()))
              .findFirst().orElse(null);
          out().println("cabinet " + c.index() + " (" + c.rows() + "x" + c.columns() + ") "
              + names.cabinetType(c.cabinetTypeId())
              + (p == null ? ", no planogram" : ", planogram " + p.name()));
          if (p != null) {
            print(SlotCommand.table(this, p.slots(), skus));
          }
        }
      });
    }
  }
}
