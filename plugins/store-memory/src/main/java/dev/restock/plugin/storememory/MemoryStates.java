package dev.restock.plugin.storememory;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The text states history shows, with the same field names and formats as the JPA store: business
 * fields only (no stamp, no version), nulls left out, amounts with two decimals. Planograms and
 * service orders carry one entry per slot, visit and line so that a diff names what changed.
 */
final class MemoryStates {
  private MemoryStates() {}

  private static final class State {
    private final Map<String, String> values = new LinkedHashMap<>();

    State put(String field, Object value) {
      if (value instanceof BigDecimal d) {
        values.put(field, d.setScale(2, RoundingMode.HALF_UP).toPlainString());
      } else if (value != null) {
        values.put(field, value.toString());
      }
      return this;
    }
  }

  static Map<String, String> product(Product p) {
    return new State().put("sku", p.sku()).put("name", p.name()).put("category", p.category())
        .put("price", p.price()).put("casePack", p.casePack()).put("active", p.active()).values;
  }

  static Map<String, String> location(Location l) {
    return new State().put("name", l.name()).put("address", l.address()).values;
  }

  static Map<String, String> route(Route r) {
    return new State().put("code", r.code()).put("name", r.name())
        .put("visitIntervalDays", r.visitIntervalDays()).values;
  }

  static Map<String, String> deviceType(DeviceType t) {
    return new State().put("name", t.name()).put("maxCabinets", t.maxCabinets()).values;
  }

  static Map<String, String> cabinetType(CabinetType t) {
    return new State().put("name", t.name()).values;
  }

  static Map<String, String> device(Device d) {
    return new State().put("name", d.name()).put("serialNumber", d.serialNumber())
        .put("locationId", d.locationId()).put("routeId", d.routeId())
        .put("deviceTypeId", d.deviceTypeId()).values;
  }

  static Map<String, String> cabinet(UUID deviceId, Cabinet c, Instant restoredAt) {
    return new State().put("deviceId", deviceId).put("index", c.index())
        .put("cabinetTypeId", c.cabinetTypeId()).put("rows", c.rows()).put("columns", c.columns())
        .put("restoredAt", restoredAt).values;
  }

  static Map<String, String> user(User u) {
    return new State().put("username", u.username()).put("email", u.email()).put("role", u.role())
        .put("active", u.active()).values;
  }

  static Map<String, String> slot(UUID planogramId, Slot s, Instant restoredAt) {
    return new State().put("planogramId", planogramId).put("position", s.position())
        .put("productId", s.productId()).put("capacity", s.capacity())
        .put("parLevel", s.parLevel()).put("quantity", s.quantity()).put("price", s.price())
        .put("restoredAt", restoredAt).values;
  }

  /** The planogram with one {@code slot[position]} entry per slot. */
  static Map<String, String> planogram(Planogram p) {
    Map<String, String> state = new TreeMap<>(new State().put("cabinetId", p.cabinetId())
        .put("name", p.name()).put("active", p.active()).values);
    for (Slot s : p.slots()) {
      state.put("slot[" + s.position() + "]", "product=" + s.productId() + ", capacity="
          + s.capacity() + ", par=" + s.parLevel() + ", quantity=" + s.quantity()
          + (s.price() == null ? "" : ", price=" + s.price().toPlainString()));
    }
    return state;
  }

  static Map<String, String> withoutSlots(Map<String, String> planogram) {
    Map<String, String> own = new LinkedHashMap<>(planogram);
    own.keySet().removeIf(k -> k.startsWith("slot["));
    return own;
  }

  /** The order with one entry per visit and per line. */
  static Map<String, String> order(ServiceOrder o) {
    Map<String, String> state = new TreeMap<>(new State().put("number", o.number())
        .put("routeId", o.routeId()).put("driverId", o.driverId()).put("status", o.status())
        .put("strategyId", o.strategyId()).put("estimatedMinutes", o.estimatedMinutes())
        .put("deliveryNoteId", o.deliveryNoteId()).put("notes", o.notes()).values);
    for (Visit v : o.visits()) {
      String key = v.deviceName() + " #" + v.cabinetIndex();
      state.put("visit[" + key + "]", "status=" + v.status()
          + (v.notes() == null ? "" : ", notes=" + v.notes())
          + (v.completedAt() == null ? "" : ", completedAt=" + v.completedAt()));
      for (OrderLine l : v.lines()) {
        state.put("line[" + key + "/" + l.position() + "]", "product=" + l.productId()
            + ", planned=" + l.planned() + (l.delivered() == null ? "" : ", delivered="
            + l.delivered()));
      }
    }
    return state;
  }

  static Map<String, String> stock(UUID productId, int onHand) {
    return new State().put("productId", productId).put("onHand", onHand).values;
  }
}
