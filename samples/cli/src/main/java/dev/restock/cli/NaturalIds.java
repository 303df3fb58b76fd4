package dev.restock.cli;

import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.User;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The names people use for things, for {@code history}, {@code as-of}, {@code deleted} and
 * {@code restore}: a product by sku, a location by name, a route by code, a device type or cabinet
 * type by name, a device by serial number, a planogram by name, a user by username, an order by
 * number, stock by its product's sku, a cabinet as {@code SERIAL/INDEX} and a slot as
 * {@code SERIAL/INDEX/POSITION} (in the cabinet's active planogram). A UUID is accepted too.
 */
final class NaturalIds {
  private NaturalIds() {}

  /** The most matches of one key looked at; more is ambiguous anyway. */
  private static final int MATCHES = 20;

  /** Which rows a key may name. */
  enum Among {
    /** The live row if there is one, else a single soft-deleted one (history, as-of). */
    LIVE_FIRST,
    /** Soft-deleted rows only (restore). */
    DELETED
  }

  /**
   * The id {@code key} names.
   *
   * @throws NotFoundException when nothing matches
   * @throws RestockCli.UsageException when several rows match, naming each
   */
  static UUID resolve(RestockSession session, AuditedType type, String key, Among among) {
    try {
      return UUID.fromString(key);
    } catch (IllegalArgumentException notAnId) {
      // a natural key, below
    }
    return switch (type) {
      case SERVICE_ORDER -> session.serviceOrders().getByNumber(key).id();
      case STOCK -> pick(type, key, among, matches(session, AuditedType.PRODUCT, key, among));
      case CABINET -> cabinet(session, key, among).id();
      case SLOT -> slot(session, key, among);
      default -> pick(type, key, among, matches(session, type, key, among));
    };
  }

  /** The field holding each deletable type's natural key. */
  static String field(AuditedType type) {
    return switch (type) {
      case PRODUCT, STOCK -> "sku";
      case ROUTE -> "code";
      case DEVICE -> "serialNumber";
      case USER -> "username";
      case SERVICE_ORDER -> "number";
      default -> "name";
    };
  }

  /** The natural key of an aggregate, as {@link #resolve} takes it back. */
  static String key(Aggregate a) {
    if (a instanceof Product p) {
      return p.sku();
    } else if (a instanceof Route r) {
      return r.code();
    } else if (a instanceof Device d) {
      return d.serialNumber();
    } else if (a instanceof User u) {
      return u.username();
    } else if (a instanceof Location l) {
      return l.name();
    } else if (a instanceof DeviceType t) {
      return t.name();
    } else if (a instanceof CabinetType t) {
      return t.name();
    } else if (a instanceof Planogram p) {
      return p.name();
    }
    return a.id().toString();
  }

  /**
   * What a person would call the entity with this id (its natural key), or the id itself
   * where it has none or cannot be found any more.
   */
  static String label(RestockSession session, AuditedType type, UUID id) {
    try {
      return switch (type) {
        case SERVICE_ORDER -> session.serviceOrders().get(id).number();
        case STOCK -> session.products().get(id).sku();
        case CABINET, SLOT -> id.toString();
        default -> key(Aggregates.management(session, type).get(id));
      };
    } catch (NotFoundException | RestockCli.UsageException e) {
      return id.toString();
    }
  }

  private static List<? extends Aggregate> matches(RestockSession session, AuditedType type,
      String key, Among among) {
    return Aggregates.management(session, type).find(
        Criteria.where(field(type), Criteria.Operator.EQ, key), PageRequest.of(0, MATCHES),
        among == Among.DELETED ? Visibility.ONLY_DELETED : Visibility.INCLUDE_DELETED).items();
  }

  private static UUID pick(AuditedType type, String key, Among among,
      List<? extends Aggregate> found) {
    return one(type, key, among, found).id();
  }

  private static Aggregate one(AuditedType type, String key, Among among,
      List<? extends Aggregate> found) {
    List<? extends Aggregate> live = found.stream().filter(a -> !a.deleted()).toList();
    if (among == Among.LIVE_FIRST && live.size() == 1) {
      return live.get(0);
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw new NotFoundException(among == Among.DELETED ? "deleted " + type.label()
          : type.label(), key);
    }
    throw new RestockCli.UsageException(type.label() + " " + field(type) + " '" + key
        + "' names " + found.size() + " rows; give the ID of one: " + found.stream()
            .map(a -> a.id() + (a.deleted() ? " (deleted " + a.deletedAt() + ")" : " (live)"))
            .collect(Collectors.joining(", ")));
  }

  /** {@code SERIAL/INDEX}: a cabinet of a live or deleted device. */
  private static Cabinet cabinet(RestockSession session, String key, Among among) {
    String[] parts = key.split("/");
    if (parts.length != 2) {
      throw new RestockCli.UsageException("a cabinet is named SERIAL/INDEX, e.g. SN-001/1 (was '"
          + key + "')");
    }
    Device device = (Device) one(AuditedType.DEVICE, parts[0], among,
        matches(session, AuditedType.DEVICE, parts[0], among));
    int index = number(parts[1], key);
    return device.cabinets().stream().filter(c -> c.index() == index).findFirst()
        .orElseThrow(() -> new NotFoundException("cabinet", key));
  }

  /** {@code SERIAL/INDEX/POSITION}: a slot of the cabinet's active planogram. */
  private static UUID slot(RestockSession session, String key, Among among) {
    int last = key.lastIndexOf('/');
    if (last < 0) {
      throw new RestockCli.UsageException("a slot is named SERIAL/INDEX/POSITION, e.g. "
          + "SN-001/1/A1 (was '" + key + "')");
    }
    Cabinet cabinet = cabinet(session, key.substring(0, last), among);
    String position = key.substring(last + 1).toUpperCase(Locale.ROOT);
    Slot slot = session.planograms().activeFor(cabinet.id()).slotAt(position)
        .orElseThrow(() -> new NotFoundException("slot", key));
    return slot.id();
  }

  private static int number(String text, String key) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new RestockCli.UsageException("a cabinet index is a number (was '" + text + "' in '"
          + key + "')");
    }
  }
}
