package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "location", description = "Locations where devices stand, named by name.",
    subcommands = {LocationCommand.Add.class, LocationCommand.Update.class,
        LocationCommand.Delete.class, LocationCommand.Restore.class,
        LocationCommand.ListLocations.class, LocationCommand.Show.class})
final class LocationCommand {

  @Command(name = "add", description = "Add a location.")
  static final class Add extends EngineCommand.Writing {
    @Option(names = "--name", required = true, description = "The location's name (how the "
        + "tool finds it).")
    String name;
    @Option(names = "--address", description = "Its address (optional).") String address;

    @Override
    void run(Restock engine) {
      Location l = writer(engine).locations().create(new CreateLocation(name, address));
      print(l, () -> out().println("added location " + l.name()));
    }
  }

  @Command(name = "update", description = "Change a location; only the options given change.")
  static final class Update extends EngineCommand.Writing {
    @Parameters(paramLabel = "NAME|ID", description = "The location.") String key;
    @Option(names = "--name", description = "New name.") String name;
    @Option(names = "--address", description = "New address.") String address;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Location l = session.locations().update(
          NaturalKeys.location(session, key, Visibility.LIVE).id(),
          new UpdateLocation(name, address));
      print(l, () -> out().println("updated location " + l.name()));
    }
  }

  @Command(name = "delete", description = "Soft-delete a location; it can be restored.")
  static final class Delete extends EngineCommand.Writing {
    @Parameters(paramLabel = "NAME|ID", description = "The location.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Location l = NaturalKeys.location(session, key, Visibility.LIVE);
      session.locations().delete(l.id());
      print(Map.of("deleted", l.id()), () -> out().println("deleted location " + l.name()));
    }
  }

  @Command(name = "restore", description = "Restore a soft-deleted location.")
  static final class Restore extends EngineCommand.Writing {
    @Parameters(paramLabel = "NAME|ID", description = "The deleted location.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Location l = session.locations().restore(
          NaturalKeys.location(session, key, Visibility.ONLY_DELETED).id());
      print(l, () -> out().println("restored location " + l.name()));
    }
  }

  @Command(name = "list", description = "List locations by name (live ones unless told "
      + "otherwise).")
  static final class ListLocations extends EngineCommand {
    @Option(names = "--deleted", description = "Only soft-deleted locations.") boolean deleted;
    @picocli.CommandLine.Mixin Paging paging;

    @Override
    void run(Restock engine) {
      List<Location> locations = reader(engine).locations().find(Criteria.all().sortBy("name",
          false), PageRequest.of(0, PageRequest.MAX_SIZE),
          deleted ? Visibility.ONLY_DELETED : Visibility.LIVE).items();
      dev.restock.api.query.Page<Location> page = slice(paging, locations);
      printPage(page, () -> {
        Table t = newTable("NAME", "ADDRESS");
        page.items().forEach(l -> t.row(l.name(), l.address()));
        print(t);
      });
    }
  }

  @Command(name = "show", description = "Show a location and the devices standing there.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "NAME|ID", description = "The location.") String key;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Location l = NaturalKeys.location(session, key, Visibility.LIVE);
      List<Device> devices = session.devices().find(
          Criteria.where("locationId", Criteria.Operator.EQ, l.id()).sortBy("name", false),
          PageRequest.of(0, PageRequest.MAX_SIZE), Visibility.LIVE).items();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("location", l);
      view.put("devices", devices.stream().map(Device::serialNumber).toList());
      print(view, () -> {
        out().println(l.name() + (l.address() == null ? "" : "  " + l.address()));
        out().println(devices.size() + " device(s)" + (devices.isEmpty() ? "" : ": "
            + String.join(", ", devices.stream().map(Device::serialNumber).toList())));
      });
    }
  }
}
