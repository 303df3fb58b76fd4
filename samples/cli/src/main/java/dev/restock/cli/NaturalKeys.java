package dev.restock.cli;

import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Criteria.Operator;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.List;
import java.util.UUID;

/**
 * How the tool finds what a user names: a location by name, a route by code, a device by serial,
 * a device or cabinet type by name, a cabinet by its 1-based index; a UUID is accepted for each.
 */
final class NaturalKeys {
  private NaturalKeys() {}

  static Location location(RestockSession s, String key, Visibility visibility) {
    return one(s.locations(), "location", "name", key, visibility);
  }

  static Route route(RestockSession s, String key, Visibility visibility) {
    return one(s.routes(), "route", "code", key, visibility);
  }

  static Device device(RestockSession s, String key, Visibility visibility) {
    return one(s.devices(), "device", "serialNumber", key, visibility);
  }

  static DeviceType deviceType(RestockSession s, String key) {
    return one(s.deviceTypes(), "device type", "name", key, Visibility.LIVE);
  }

  static CabinetType cabinetType(RestockSession s, String key) {
    return one(s.cabinetTypes(), "cabinet type", "name", key, Visibility.LIVE);
  }

  /** The cabinet by its 1-based index as printed ({@code 1}) or its UUID. */
  static Cabinet cabinet(Device device, String key) {
    UUID id = ProductCommand.uuid(key);
    if (id != null) {
      return device.cabinets().stream().filter(c -> c.id().equals(id)).findFirst()
          .orElseThrow(() -> new NotFoundException("cabinet of " + device.serialNumber(), key));
    }
    int index;
    try {
      index = Integer.parseInt(key.strip());
    } catch (NumberFormatException e) {
      throw new RestockCli.UsageException("CABINET must be a cabinet number such as 1 (was '"
          + key + "')");
    }
    return device.cabinet(index).orElseThrow(() -> new NotFoundException(
        "cabinet of " + device.serialNumber(), index + " (it has " + device.cabinets().size()
            + " cabinet(s))"));
  }

  /**
   * The one aggregate whose {@code field} equals {@code key} exactly (or whose id it is); several
   * matches (possible for names) are refused with their ids.
   */
  private static <T extends Aggregate> T one(ManageAggregate<T, ?, ?> port, String what,
      String field, String key, Visibility visibility) {
    UUID id = ProductCommand.uuid(key);
    if (id != null) {
      if (visibility == Visibility.LIVE) {
        return port.get(id);
      }
      Page<T> byId = port.find(Criteria.all(), PageRequest.of(0, PageRequest.MAX_SIZE),
          visibility);
      return byId.items().stream().filter(a -> a.id().equals(id)).findFirst()
          .orElseThrow(() -> new NotFoundException(label(what, visibility), key));
    }
    List<T> found = port.find(Criteria.where(field, Operator.EQ, key.strip()),
        PageRequest.of(0, 10), visibility).items();
    if (found.isEmpty()) {
      throw new NotFoundException(label(what, visibility), key);
    }
    if (found.size() > 1) {
      throw new RestockCli.UsageException(found.size() + " " + label(what, visibility)
          + "s are named '" + key + "'; give one of their ids: "
          + found.stream().map(a -> a.id().toString()).toList());
    }
    return found.get(0);
  }

  private static String label(String what, Visibility visibility) {
    return visibility == Visibility.ONLY_DELETED ? "deleted " + what : what;
  }
}
