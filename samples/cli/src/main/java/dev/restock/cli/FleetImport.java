package dev.restock.cli;

import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.fleet.UpdateRoute;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rules of {@code restock import fleet}: rows are checked against each other and against what
 * the database holds before anything is written, every problem with its line; then the changes
 * are planned by natural key (location name, route code, device serial, cabinet index, slot
 * position), so that what is already as the file says is left alone, and applied in one unit of
 * work.
 */
final class FleetImport {
  /** The kinds the import counts, in the order it reports them. */
  static final List<String> KINDS = List.of("locations", "routes", "devices", "planograms");

  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "location", Set.of("name", "address"),
      "route", Set.of("code", "name", "visit_days"),
      "device", Set.of("serial", "name", "location", "route", "device_type"),
      "cabinet", Set.of("serial", "cabinet", "cabinet_type", "rows", "columns", "planogram"),
      "slot", Set.of("serial", "cabinet", "position", "product", "capacity", "par", "quantity",
          "price"));
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "location", List.of("name"),
      "route", List.of("code", "name"),
      "device", List.of("serial", "name", "location", "device_type"),
      "cabinet", List.of("serial", "cabinet", "cabinet_type"),
      "slot", List.of("serial", "cabinet", "position"));

  /** What the import did (or would do) per kind: created, updated and unchanged counts. */
  record Counts(Map<String, int[]> byKind) {
    static Counts empty() {
      Map<String, int[]> m = new LinkedHashMap<>();
      KINDS.forEach(k -> m.put(k, new int[3]));
      return new Counts(m);
    }

    void created(String kind) {
      byKind.get(kind)[0]++;
    }

    void updated(String kind) {
      byKind.get(kind)[1]++;
    }

    void unchanged(String kind) {
      byKind.get(kind)[2]++;
    }

    boolean changes() {
      return byKind.values().stream().anyMatch(c -> c[0] + c[1] > 0);
    }

    Map<String, Map<String, Integer>> view() {
      Map<String, Map<String, Integer>> v = new LinkedHashMap<>();
      byKind.forEach((k, c) -> {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("created", c[0]);
        m.put("updated", c[1]);
        m.put("unchanged", c[2]);
        v.put(k, m);
      });
      return v;
    }
  }

  // ---------------------------------------------------------------- the file, checked

  private record LocationIn(int line, String name, String address) {}

  private record RouteIn(int line, String code, String name, Integer visitDays) {}

  private record DeviceIn(int line, String serial, String name, String location, String route,
      String deviceType, TreeMap<Integer, CabinetIn> cabinets) {}

  private record CabinetIn(int line, int index, String type, int rows, int columns,
      String planogram) {}

  private record SlotIn(int line, String position, String sku, int capacity, int par,
      Integer quantity, BigDecimal price) {}

  /** What the database holds now, by natural key. */
  private record Snapshot(Map<String, List<Location>> locations, Map<UUID, String> locationNames,
      Map<String, Route> routes, Map<UUID, String> routeCodes, Map<String, DeviceSetup> devices,
      Map<String, Product> products, Map<UUID, Product> productsById,
      Map<String, UUID> deviceTypes, Map<UUID, Integer> maxCabinets,
      Map<String, UUID> cabinetTypes, Map<UUID, String> cabinetTypeNames) {

    static Snapshot read(RestockSession s) {
      Map<String, List<Location>> locations = new HashMap<>();
      Map<UUID, String> locationNames = new HashMap<>();
      all(s.locations(), l -> {
        locations.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l);
        locationNames.put(l.id(), l.name());
      });
      Map<String, Route> routes = new HashMap<>();
      Map<UUID, String> routeCodes = new HashMap<>();
      all(s.routes(), r -> {
        routes.put(r.code(), r);
        routeCodes.put(r.id(), r.code());
      });
      Map<String, DeviceSetup> devices = new HashMap<>();
      for (int page = 0; ; page++) {
        Page<DeviceSetup> p = s.devices().listWithPlanograms(
            PageRequest.of(page, PageRequest.MAX_SIZE));
        p.items().forEach(d -> devices.put(d.device().serialNumber(), d));
        if (page + 1 >= p.pages()) {
          break;
        }
      }
      Map<String, Product> products = new HashMap<>();
      Map<UUID, Product> productsById = new HashMap<>();
      all(s.products(), p -> {
        products.put(p.sku(), p);
        productsById.put(p.id(), p);
      });
      Map<String, UUID> deviceTypes = new HashMap<>();
      Map<UUID, Integer> maxCabinets = new HashMap<>();
      all(s.deviceTypes(), t -> {
        deviceTypes.put(t.name(), t.id());
        maxCabinets.put(t.id(), t.maxCabinets());
      });
      Map<String, UUID> cabinetTypes = new HashMap<>();
      Map<UUID, String> cabinetTypeNames = new HashMap<>();
      all(s.cabinetTypes(), t -> {
        cabinetTypes.put(t.name(), t.id());
        cabinetTypeNames.put(t.id(), t.name());
      });
      return new Snapshot(locations, locationNames, routes, routeCodes, devices, products,
          productsById, deviceTypes, maxCabinets, cabinetTypes, cabinetTypeNames);
    }

    private static <T extends Aggregate> void all(ManageAggregate<T, ?, ?> port,
        Consumer<T> each) {
      for (int page = 0; ; page++) {
        Page<T> p = port.list(PageRequest.of(page, PageRequest.MAX_SIZE), Visibility.LIVE);
        p.items().forEach(each);
        if (page + 1 >= p.pages()) {
          return;
        }
      }
    }
  }

  private final String file;
  private final Snapshot db;
  private final List<Violation> problems = new ArrayList<>();
  private final Map<String, LocationIn> locations = new LinkedHashMap<>();
  private final Map<String, RouteIn> routes = new LinkedHashMap<>();
  private final Map<String, DeviceIn> devices = new LinkedHashMap<>();
  /** Cabinet rows of devices the file names only by serial (devices already stored). */
  private final Map<String, TreeMap<Integer, CabinetIn>> storedCabinets = new LinkedHashMap<>();
  /** Keys of every location and route row, good or bad: a bad row is reported once, itself. */
  private final Set<String> locationRows = new java.util.HashSet<>();
  private final Set<String> routeRows = new java.util.HashSet<>();
  /** Slots per "serial/cabinet", by position. */
  private final Map<String, Map<String, SlotIn>> slots = new LinkedHashMap<>();

  private FleetImport(String file, Snapshot db) {
    this.file = file;
    this.db = db;
  }

  /**
   * Checks {@code rows} against each other and {@code session}'s database and plans the
   * changes; nothing is written.
   *
   * @throws ValidationException naming every bad row as {@code FILE:LINE}
   */
  static FleetImport check(String file, List<FleetFile.Row> rows, RestockSession session) {
    FleetImport plan = new FleetImport(file, Snapshot.read(session));
    rows.stream().filter(r -> r.kind() != null && !r.kind().equals("slot")
        && !r.kind().equals("cabinet")).forEach(plan::read);
    rows.stream().filter(r -> "cabinet".equals(r.kind())).forEach(plan::read);
    rows.stream().filter(r -> r.kind() == null || r.kind().equals("slot")).forEach(plan::read);
    plan.crossCheck();
    // report in file order, whatever pass found the problem
    plan.problems.sort(java.util.Comparator.comparingInt(v -> Integer.parseInt(
        v.field().substring(v.field().lastIndexOf(':') + 1))));
    if (!plan.problems.isEmpty()) {
      throw new ValidationException(plan.problems);
    }
    return plan;
  }

  private void problem(int line, String what, String message) {
    problems.add(new Violation(file + ":" + line, what + ": " + message));
  }

  /** Runs a command constructor, turning its violations into this row's problems. */
  private <T> T build(int line, String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (ValidationException e) {
      e.violations().forEach(v -> problem(line, what, v.field() + ": " + v.message()));
      return null;
    }
  }

  private Integer integer(FleetFile.Row row, String field, String what) {
    String text = row.get(field);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problem(row.line(), what, field + ": is not a whole number: " + text);
      return null;
    }
  }

  private void read(FleetFile.Row row) {
    int line = row.line();
    String kind = row.kind();
    if (kind == null || !ALLOWED.containsKey(kind)) {
      problem(line, "row", "kind must be location, route, device, cabinet or slot (was "
          + (kind == null ? "empty" : kind) + ")");
      return;
    }
    String key = key(row);
    String what = key.isEmpty() ? kind : kind + " " + key;
    boolean complete = true;
    for (String field : row.fields().keySet()) {
      if (field.startsWith(FleetFile.UNKNOWN)) {
        problem(line, what, "unknown field " + field.substring(1));
      } else if (!ALLOWED.get(kind).contains(field)) {
        problem(line, what, field + " does not apply to a " + kind);
      }
    }
    for (String field : REQUIRED.get(kind)) {
      if (row.get(field) == null) {
        problem(line, what, field + ": is required");
        complete = false;
      }
    }
    if (!complete) {
      return;
    }
    switch (kind) {
      case "location" -> location(row, what);
      case "route" -> route(row, what);
      case "device" -> device(row, what);
      case "cabinet" -> cabinet(row, what);
      default -> slot(row, what);
    }
  }

  private static String key(FleetFile.Row row) {
    return switch (row.kind()) {
      case "location" -> Objects.toString(row.get("name"), "");
      case "route" -> Objects.toString(row.get("code"), "");
      case "device" -> Objects.toString(row.get("serial"), "");
      case "cabinet" -> row.get("serial") + "/" + row.get("cabinet");
      case "slot" -> Objects.toString(row.get("position"), "");
      default -> "";
    };
  }

  private void location(FleetFile.Row row, String what) {
    String name = row.get("name");
    locationRows.add(name);
    if (duplicate(locations.get(name), row, what)) {
      return;
    }
    if (build(row.line(), what, () -> new CreateLocation(name, row.get("address"))) != null) {
      locations.put(name, new LocationIn(row.line(), name, row.get("address")));
    }
  }

  private void route(FleetFile.Row row, String what) {
    String code = row.get("code");
    routeRows.add(code);
    if (duplicate(routes.get(code), row, what)) {
      return;
    }
    Integer days = integer(row, "visit_days", what);
    if (row.get("visit_days") != null && days == null) {
      return;
    }
    if (build(row.line(), what, () -> new CreateRoute(code, row.get("name"), days)) != null) {
      routes.put(code, new RouteIn(row.line(), code, row.get("name"), days));
    }
  }

  private void device(FleetFile.Row row, String what) {
    String serial = row.get("serial");
    if (duplicate(devices.get(serial), row, what)) {
      return;
    }
    devices.put(serial, new DeviceIn(row.line(), serial, row.get("name"), row.get("location"),
        row.get("route"), row.get("device_type"), new TreeMap<>()));
  }

  private void cabinet(FleetFile.Row row, String what) {
    String serial = row.get("serial");
    Integer index = integer(row, "cabinet", what);
    Integer rows = row.get("rows") == null ? Integer.valueOf(DeviceCommand.DEFAULT_ROWS)
        : integer(row, "rows", what);
    Integer columns = row.get("columns") == null ? Integer.valueOf(DeviceCommand.DEFAULT_COLUMNS)
        : integer(row, "columns", what);
    if (index == null || rows == null || columns == null) {
      return;
    }
    UUID type = db.cabinetTypes().get(row.get("cabinet_type"));
    if (type == null) {
      problem(row.line(), what, "cabinet_type: no cabinet type named " + row.get("cabinet_type")
          + " (there are " + new java.util.TreeSet<>(db.cabinetTypes().keySet()) + ")");
    }
    if (build(row.line(), what, () -> new CabinetSpec(index, type == null ? UUID.randomUUID()
        : type, rows, columns)) == null) {
      return;
    }
    TreeMap<Integer, CabinetIn> cabinets;
    if (devices.containsKey(serial)) {
      cabinets = devices.get(serial).cabinets();
    } else if (db.devices().containsKey(serial)) {
      cabinets = storedCabinets.computeIfAbsent(serial, s -> new TreeMap<>());
    } else {
      problem(row.line(), what, "serial: no device " + serial + " in the file or the database");
      return;
    }
    CabinetIn earlier = cabinets.get(index);
    if (earlier != null) {
      problem(row.line(), what, "duplicate of line " + earlier.line());
      return;
    }
    cabinets.put(index, new CabinetIn(row.line(), index, row.get("cabinet_type"), rows, columns,
        row.get("planogram")));
  }

  private void slot(FleetFile.Row row, String what) {
    String serial = row.get("serial");
    Integer index = integer(row, "cabinet", what);
    Integer capacity = integer(row, "capacity", what);
    Integer par = integer(row, "par", what);
    Integer quantity = integer(row, "quantity", what);
    BigDecimal price = null;
    if (row.get("price") != null) {
      try {
        price = new BigDecimal(row.get("price"));
      } catch (NumberFormatException e) {
        problem(row.line(), what, "price: is not a number: " + row.get("price"));
      }
    }
    String sku = row.get("product");
    Product product = sku == null ? null : db.products().get(sku);
    if (sku != null && product == null) {
      problem(row.line(), what, "product: no live product with sku " + sku
          + " (add it with 'restock product add')");
    }
    BigDecimal amount = price;
    // an unknown sku is reported above; the slot is still checked as one holding a product
    UUID productId = product != null ? product.id() : sku != null ? UUID.randomUUID() : null;
    SlotSpec spec = build(row.line(), what, () -> new SlotSpec(row.get("position"),
        productId, capacity, par, quantity, amount));
    if (sku == null && price != null) {
      problem(row.line(), what, "price: an empty slot has no price");
    }
    if (index == null || spec == null) {
      return;
    }
    int[] grid = grid(serial, index);
    if (grid == null) {
      problem(row.line(), what, "cabinet: no cabinet " + index + " of device " + serial
          + " in the file or the database");
      return;
    }
    if (!Positions.inside(spec.position(), grid[0], grid[1])) {
      problem(row.line(), what, "position: " + spec.position() + " is outside the cabinet's "
          + grid[0] + "x" + grid[1] + " grid");
      return;
    }
    Map<String, SlotIn> cabinetSlots = slots.computeIfAbsent(serial + "/" + index,
        k -> new LinkedHashMap<>());
    SlotIn earlier = cabinetSlots.get(spec.position());
    if (earlier != null) {
      problem(row.line(), what, "duplicate of line " + earlier.line());
      return;
    }
    cabinetSlots.put(spec.position(), new SlotIn(row.line(), spec.position(), sku,
        spec.capacity(), spec.parLevel(), quantity, price));
  }

  /** Rows and columns of a device's cabinet, from the file or else the database; null if none. */
  private int[] grid(String serial, int index) {
    CabinetIn in = devices.containsKey(serial) ? devices.get(serial).cabinets().get(index)
        : storedCabinets.getOrDefault(serial, new TreeMap<>()).get(index);
    if (in != null) {
      return new int[] {in.rows(), in.columns()};
    }
    DeviceSetup stored = db.devices().get(serial);
    if (stored == null) {
      return null;
    }
    return stored.device().cabinet(index).map(c -> new int[] {c.rows(), c.columns()})
        .orElse(null);
  }

  private boolean duplicate(Object earlier, FleetFile.Row row, String what) {
    if (earlier == null) {
      return false;
    }
    int line = earlier instanceof LocationIn l ? l.line() : earlier instanceof RouteIn r
        ? r.line() : ((DeviceIn) earlier).line();
    problem(row.line(), what, "duplicate of line " + line);
    return true;
  }

  /** References between rows and to the database, and cabinets against the device type. */
  private void crossCheck() {
    for (DeviceIn d : devices.values()) {
      String what = "device " + d.serial();
      if (!locationRows.contains(d.location())) {
        List<Location> stored = db.locations().getOrDefault(d.location(), List.of());
        if (stored.isEmpty()) {
          problem(d.line(), what, "location: no location named " + d.location()
              + " in the file or the database");
        } else if (stored.size() > 1) {
          problem(d.line(), what, "location: " + stored.size() + " locations are named "
              + d.location() + " in the database; rename one");
        }
      }
      if (d.route() != null && !routeRows.contains(d.route())
          && !db.routes().containsKey(d.route())) {
        problem(d.line(), what, "route: no route " + d.route() + " in the file or the database");
      }
      UUID type = db.deviceTypes().get(d.deviceType());
      DeviceSetup stored = db.devices().get(d.serial());
      if (type == null) {
        problem(d.line(), what, "device_type: no device type named " + d.deviceType()
            + " (there are " + new java.util.TreeSet<>(db.deviceTypes().keySet()) + ")");
      } else if (stored == null) {
        int max = db.maxCabinets().get(type);
        if (d.cabinets().isEmpty()) {
          problem(d.line(), what, "cabinets: a new device needs at least one cabinet row");
        }
        d.cabinets().values().stream().filter(c -> c.index() > max).forEach(c -> problem(
            c.line(), "cabinet " + d.serial() + "/" + c.index(), "cabinet: device type "
                + d.deviceType() + " takes at most " + max + " cabinet(s)"));
      } else if (!type.equals(stored.device().deviceTypeId())) {
        problem(d.line(), what, "device_type: the device is a "
            + typeName(stored.device().deviceTypeId()) + "; the type of a device does not change");
      }
      if (stored != null) {
        sameCabinets(d.serial(), d.cabinets(), stored.device());
      }
    }
    storedCabinets.forEach((serial, cabinets) -> sameCabinets(serial, cabinets,
        db.devices().get(serial).device()));
  }

  private String typeName(UUID deviceTypeId) {
    return db.deviceTypes().entrySet().stream().filter(e -> e.getValue().equals(deviceTypeId))
        .map(Map.Entry::getKey).findFirst().orElse(deviceTypeId.toString());
  }

  /** A stored device keeps its cabinets: the file may repeat them, not change them. */
  private void sameCabinets(String serial, Map<Integer, CabinetIn> cabinets, Device stored) {
    for (CabinetIn c : cabinets.values()) {
      String what = "cabinet " + serial + "/" + c.index();
      Cabinet have = stored.cabinet(c.index()).orElse(null);
      if (have == null) {
        problem(c.line(), what, "cabinet: device " + serial + " has no cabinet " + c.index()
            + "; cabinets are fixed when a device is added");
      } else if (have.rows() != c.rows() || have.columns() != c.columns()
          || !Objects.equals(db.cabinetTypes().get(c.type()), have.cabinetTypeId())) {
        problem(c.line(), what, "cabinet: is " + db.cabinetTypeNames().get(have.cabinetTypeId())
            + " " + have.rows() + "x" + have.columns() + " in the database; cabinets are fixed "
            + "when a device is added");
      }
    }
  }

  // ---------------------------------------------------------------- the plan

  /** What applying would do, counted without writing. */
  Counts preview() {
    Counts counts = Counts.empty();
    apply(null, counts);
    return counts;
  }

  /** Applies the changes on {@code s}, which runs one unit of work; returns the counts. */
  Counts apply(RestockSession s) {
    Counts counts = Counts.empty();
    apply(s, counts);
    return counts;
  }

  /** Plans, and with a session also writes; {@code s} null only counts. */
  private void apply(RestockSession s, Counts counts) {
    Map<String, UUID> locationIds = new HashMap<>();
    db.locations().forEach((name, found) -> locationIds.put(name, found.get(0).id()));
    for (LocationIn l : locations.values()) {
      List<Location> stored = db.locations().getOrDefault(l.name(), List.of());
      if (stored.isEmpty()) {
        counts.created("locations");
        if (s != null) {
          locationIds.put(l.name(), row(l.line(), "location " + l.name(),
              () -> s.locations().create(new CreateLocation(l.name(), l.address()))).id());
        }
      } else if (l.address() != null && !l.address().equals(stored.get(0).address())) {
        counts.updated("locations");
        if (s != null) {
          row(l.line(), "location " + l.name(), () -> s.locations().update(stored.get(0).id(),
              new UpdateLocation(null, l.address())));
        }
      } else {
        counts.unchanged("locations");
      }
    }
    Map<String, UUID> routeIds = new HashMap<>();
    db.routes().forEach((code, r) -> routeIds.put(code, r.id()));
    for (RouteIn r : routes.values()) {
      Route stored = db.routes().get(r.code());
      if (stored == null) {
        counts.created("routes");
        if (s != null) {
          routeIds.put(r.code(), row(r.line(), "route " + r.code(),
              () -> s.routes().create(new CreateRoute(r.code(), r.name(), r.visitDays()))).id());
        }
      } else if (!r.name().equals(stored.name())
          || (r.visitDays() != null && r.visitDays() != stored.visitIntervalDays())) {
        counts.updated("routes");
        if (s != null) {
          row(r.line(), "route " + r.code(), () -> s.routes().update(stored.id(),
              new UpdateRoute(null, r.name(), r.visitDays())));
        }
      } else {
        counts.unchanged("routes");
      }
    }
    for (DeviceIn d : devices.values()) {
      DeviceSetup stored = db.devices().get(d.serial());
      String what = "device " + d.serial();
      if (stored == null) {
        counts.created("devices");
        List<CabinetPlanogram> planograms = new ArrayList<>();
        for (CabinetIn c : d.cabinets().values()) {
          List<SlotIn> in = slotsOf(d.serial(), c.index());
          if (in != null || c.planogram() != null) {
            counts.created("planograms");
            planograms.add(new CabinetPlanogram(c.index(), planogramName(c, d.serial(), null),
                specs(in, null)));
          }
        }
        if (s != null) {
          List<CabinetSpec> cabinets = d.cabinets().values().stream().map(c -> new CabinetSpec(
              c.index(), db.cabinetTypes().get(c.type()), c.rows(), c.columns())).toList();
          row(d.line(), what, () -> s.devices().setUp(new SetUpDevice(new CreateDevice(d.name(),
              d.serial(), locationIds.get(d.location()),
              d.route() == null ? null : routeIds.get(d.route()),
              db.deviceTypes().get(d.deviceType()), cabinets), planograms)));
        }
        continue;
      }
      Device have = stored.device();
      String routeHave = have.routeId() == null ? null : db.routeCodes().get(have.routeId());
      boolean moved = !d.location().equals(db.locationNames().get(have.locationId()));
      boolean rerouted = !Objects.equals(d.route(), routeHave);
      if (!d.name().equals(have.name()) || moved || rerouted) {
        counts.updated("devices");
        if (s != null) {
          row(d.line(), what, () -> s.devices().update(have.id(), new UpdateDevice(
              d.name().equals(have.name()) ? null : d.name(), null,
              moved ? locationIds.get(d.location()) : null,
              rerouted && d.route() != null ? routeIds.get(d.route()) : null,
              rerouted && d.route() == null)));
        }
      } else {
        counts.unchanged("devices");
      }
      planograms(s, counts, d.serial(), d.cabinets(), stored);
    }
    storedCabinets.forEach((serial, cabinets) -> planograms(s, counts, serial, cabinets,
        db.devices().get(serial)));
    // slots of stored devices whose cabinets the file does not list
    slots.keySet().stream().map(k -> k.substring(0, k.lastIndexOf('/')))
        .filter(serial -> !devices.containsKey(serial) && !storedCabinets.containsKey(serial))
        .distinct().forEach(serial -> planograms(s, counts, serial, new TreeMap<>(),
            db.devices().get(serial)));
  }

  /** The planograms of a stored device's cabinets that the file gives slots or a name for. */
  private void planograms(RestockSession s, Counts counts, String serial,
      Map<Integer, CabinetIn> cabinets, DeviceSetup stored) {
    for (Cabinet cabinet : stored.device().cabinets()) {
      CabinetIn c = cabinets.get(cabinet.index());
      List<SlotIn> in = slotsOf(serial, cabinet.index());
      if (in == null && (c == null || c.planogram() == null)) {
        continue;
      }
      Planogram have = stored.planograms().stream()
          .filter(p -> p.cabinetId().equals(cabinet.id())).findFirst().orElse(null);
      String what = "cabinet " + serial + "/" + cabinet.index();
      int line = c != null ? c.line() : in.get(0).line();
      String name = planogramName(c, serial, have);
      if (have == null) {
        counts.created("planograms");
        if (s != null) {
          row(line, what, () -> s.planograms().create(new CreatePlanogram(cabinet.id(), name,
              specs(in, null))));
        }
      } else if (!name.equals(have.name()) || (in != null && !sameSlots(in, have.slots()))) {
        counts.updated("planograms");
        if (s != null) {
          row(line, what, () -> s.planograms().update(have.id(), new UpdatePlanogram(
              name.equals(have.name()) ? null : name, in == null ? null : specs(in, have))));
        }
      } else {
        counts.unchanged("planograms");
      }
    }
  }

  private List<SlotIn> slotsOf(String serial, int index) {
    Map<String, SlotIn> in = slots.get(serial + "/" + index);
    return in == null ? null : new ArrayList<>(in.values());
  }

  private static String planogramName(CabinetIn c, String serial, Planogram have) {
    if (c != null && c.planogram() != null) {
      return c.planogram();
    }
    return have != null ? have.name() : serial + " cabinet " + (c == null ? "" : c.index());
  }

  /**
   * The file's slots as specs. A slot without a quantity keeps the one it has while it holds the
   * same product (a new or re-planned slot starts empty): the file says what is planned, not
   * what was counted.
   */
  private List<SlotSpec> specs(List<SlotIn> in, Planogram have) {
    if (in == null) {
      return List.of();
    }
    return in.stream().map(x -> {
      UUID product = x.sku() == null ? null : db.products().get(x.sku()).id();
      Integer quantity = x.quantity();
      if (quantity == null && have != null) {
        quantity = have.slotAt(x.position()).filter(h -> Objects.equals(h.productId(), product))
            .map(h -> Math.min(h.quantity(), x.capacity())).orElse(0);
      }
      return new SlotSpec(x.position(), product, x.capacity(), x.par(), quantity, x.price());
    }).toList();
  }

  /** Whether the stored slots are what the file says (a price not given is the product's). */
  private boolean sameSlots(List<SlotIn> in, List<Slot> have) {
    if (in.size() != have.size()) {
      return false;
    }
    Map<String, Slot> byPosition = new HashMap<>();
    have.forEach(h -> byPosition.put(h.position(), h));
    for (SlotIn x : in) {
      Slot h = byPosition.get(x.position());
      Product product = x.sku() == null ? null : db.products().get(x.sku());
      BigDecimal price = x.price() != null ? x.price() : product == null ? null : product.price();
      if (h == null || !Objects.equals(h.productId(), product == null ? null : product.id())
          || h.capacity() != x.capacity() || h.parLevel() != x.par()
          || (x.quantity() != null && h.quantity() != x.quantity())
          || (price == null) != (h.price() == null)
          || (price != null && price.compareTo(h.price()) != 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs one write; a rule only the engine checks (found while writing, so after the checks
   * above passed) is reported against the row that caused it. The unit of work then rolls back.
   */
  private <T> T row(int line, String what, Supplier<T> write) {
    try {
      return write.get();
    } catch (ValidationException e) {
      List<Violation> mapped = new ArrayList<>();
      e.violations().forEach(v -> mapped.add(new Violation(file + ":" + line,
          what + ": " + v.field() + ": " + v.message())));
      throw new ValidationException(mapped);
    }
  }
}
