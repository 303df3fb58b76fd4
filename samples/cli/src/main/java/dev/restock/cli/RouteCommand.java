package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.UpdateRoute;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "route", description = "Routes, named by code.",
    subcommands = {RouteCommand.Add.class, RouteCommand.Update.class, RouteCommand.Delete.class,
        RouteCommand.Restore.class, RouteCommand.ListRoutes.class, RouteCommand.Show.class})
final class RouteCommand {

  @Command(name = "add", description = "Add a route.")
  static final class Add extends EngineCommand.Writing {
    @Option(names = "--code", required = true, description = "Short code, unique among live "
        + "routes (how the tool finds it).")
    String code;
    @Option(names = "--name", required = true, description = "The route's name.") String name;
    @Option(names = "--visit-days", paramLabel = "N",
        description = "Days between visits, 1..60 (default 7).")
    Integer visitDays;

    @Override
    void run(Restock engine) {
      Route r = writer(engine).routes().create(new CreateRoute(code, name, visitDays));
      print(r, () -> out().println("added route " + r.code()));
    }
  }

  @Command(name = "update", description = "Change a route; only the options given change.")
  static final class Update extends EngineCommand.Writing {
    @Parameters(paramLabel = "CODE|ID", description = "The route.") String key;
    @Option(names = "--code", description = "New code.") String code;
    @Option(names = "--name", description = "New name.") String name;
    @Option(names = "--visit-days", paramLabel = "N", description = "Days between visits, 1..60.")
    Integer visitDays;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Route r = session.routes().update(NaturalKeys.route(session, key, Visibility.LIVE).id(),
          new UpdateRoute(code, name, visitDays));
      print(r, () -> out().println("updated route " + r.code()));
    }
  }

  @Command(name = "delete", description = "Soft-delete a route; it can be restored.")
  static final class Delete extends EngineCommand.Writing {
    @Parameters(paramLabel = "CODE|ID", description = "The route.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Route r = NaturalKeys.route(session, key, Visibility.LIVE);
      session.routes().delete(r.id());
      print(Map.of("deleted", r.id()), () -> out().println("deleted route " + r.code()));
    }
  }

  @Command(name = "restore", description = "Restore a soft-deleted route.")
  static final class Restore extends EngineCommand.Writing {
    @Parameters(paramLabel = "CODE|ID", description = "The deleted route.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Route r = session.routes().restore(
          NaturalKeys.route(session, key, Visibility.ONLY_DELETED).id());
      print(r, () -> out().println("restored route " + r.code()));
    }
  }

  @Command(name = "list", description = "List routes by code (live ones unless told otherwise).")
  static final class ListRoutes extends EngineCommand {
    @Option(names = "--deleted", description = "Only soft-deleted routes.") boolean deleted;
    @picocli.CommandLine.Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      List<Route> routes = session.routes().find(Criteria.all().sortBy("code", false),
          PageRequest.of(0, PageRequest.MAX_SIZE),
          deleted ? Visibility.ONLY_DELETED : Visibility.LIVE).items();
      // one read of the devices, counted per route
      Map<java.util.UUID, Long> devices = session.devices().list(
              PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
          .filter(d -> d.routeId() != null)
          .collect(java.util.stream.Collectors.groupingBy(Device::routeId,
              java.util.stream.Collectors.counting()));
      dev.restock.api.query.Page<Route> page = slice(paging, routes);
      printPage(page, () -> {
        Table t = newTable("CODE", "NAME", "VISIT EVERY (DAYS)", "DEVICES");
        page.items().forEach(r -> t.row(r.code(), r.name(), r.visitIntervalDays(),
            devices.getOrDefault(r.id(), 0L)));
        print(t);
      });
    }
  }

  @Command(name = "show", description = "Show a route and its devices.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "CODE|ID", description = "The route.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Route r = NaturalKeys.route(session, key, Visibility.LIVE);
      List<Device> devices = session.devices().listByRoute(r.id());
      Map<java.util.UUID, String> locations = new java.util.HashMap<>();
      devices.forEach(d -> locations.computeIfAbsent(d.locationId(),
          id -> session.locations().get(id).name()));
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("route", r);
      view.put("devices", devices);
      print(view, () -> {
        out().println(r.code() + "  " + r.name() + "  every " + r.visitIntervalDays() + " day(s)");
        Table t = newTable("SERIAL", "NAME", "LOCATION", "CABINETS");
        devices.forEach(d -> t.row(d.serialNumber(), d.name(), locations.get(d.locationId()),
            d.cabinets().size()));
        print(t);
      });
    }
  }
}
