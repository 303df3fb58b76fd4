package dev.restock.api.query;

import dev.restock.api.validation.Checks;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields each aggregate can be searched and sorted by, with their types: the only names a
 * {@link Criteria} may use. {@link #check} validates a criteria against them and converts its
 * values to the field types, naming every problem.
 */
@Experimental(since = "0.1")
public final class SearchFields {
  /** Value types of searchable fields. */
  public enum Type { TEXT, INTEGER, DECIMAL, BOOLEAN, ID, TIME }

  /**
   * Operators a {@linkplain #personal() personal} field takes: exact matches only, which a store
   * that encrypts the field answers from its keyed-hash equality index.
   */
  public static final java.util.Set<Criteria.Operator> EQUALITY_OPERATORS = java.util.Set.of(
      Criteria.Operator.EQ, Criteria.Operator.NE, Criteria.Operator.IN, Criteria.Operator.IS_NULL,
      Criteria.Operator.IS_NOT_NULL);

  private final String aggregate;
  private final Map<String, Type> fields;
  private final java.util.Set<String> personal;

  private SearchFields(String aggregate, Map<String, Type> fields) {
    this(aggregate, fields, java.util.Set.of());
  }

  private SearchFields(String aggregate, Map<String, Type> fields, java.util.Set<String> personal) {
    this.aggregate = aggregate;
    this.fields = Map.copyOf(fields);
    this.personal = java.util.Set.copyOf(personal);
  }

  /** The same fields, of which these are personal data. */
  private SearchFields personal(String... names) {
    return new SearchFields(aggregate, fields, java.util.Set.of(names));
  }

  /** Fields of an aggregate with audit stamps: the given ones, createdAt and updatedAt. */
  private static SearchFields of(String aggregate, Object... nameType) {
    Map<String, Type> fields = declared(nameType);
    fields.put("createdAt", Type.TIME);
    fields.put("updatedAt", Type.TIME);
    return new SearchFields(aggregate, fields);
  }

  private static Map<String, Type> declared(Object... nameType) {
    Map<String, Type> fields = new LinkedHashMap<>();
    for (int i = 0; i < nameType.length; i += 2) {
      fields.put((String) nameType[i], (Type) nameType[i + 1]);
    }
    return fields;
  }

  public static final SearchFields PRODUCT = of("product", "sku", Type.TEXT, "name", Type.TEXT,
      "category", Type.TEXT, "price", Type.DECIMAL, "casePack", Type.INTEGER,
      "active", Type.BOOLEAN);
  /** Locations; {@code address} is {@linkplain #personal() personal}: exact matches only. */
  public static final SearchFields LOCATION = of("location", "name", Type.TEXT,
      "address", Type.TEXT).personal("address");
  public static final SearchFields ROUTE = of("route", "code", Type.TEXT, "name", Type.TEXT,
      "visitIntervalDays", Type.INTEGER);
  public static final SearchFields DEVICE_TYPE = of("device type", "name", Type.TEXT,
      "maxCabinets", Type.INTEGER);
  public static final SearchFields CABINET_TYPE = of("cabinet type", "name", Type.TEXT);
  public static final SearchFields DEVICE = of("device", "name", Type.TEXT,
      "serialNumber", Type.TEXT, "locationId", Type.ID, "routeId", Type.ID,
      "deviceTypeId", Type.ID);
  public static final SearchFields PLANOGRAM = of("planogram", "name", Type.TEXT,
      "cabinetId", Type.ID, "active", Type.BOOLEAN);
  public static final SearchFields SERVICE_ORDER = of("service order", "number", Type.TEXT,
      "routeId", Type.ID, "driverId", Type.ID, "status", Type.TEXT, "strategyId", Type.TEXT,
      "estimatedMinutes", Type.INTEGER);
  /**
   * Delivery notes: immutable documents without audit stamps; {@code routeId} is the route of
   * the note's order.
   */
  public static final SearchFields DELIVERY_NOTE = new SearchFields("delivery note",
      declared("number", Type.TEXT, "orderId", Type.ID, "orderNumber", Type.TEXT,
          "routeId", Type.ID, "issuedAt", Type.TIME));
  /**
   * Sales: append-only records without audit stamps. {@code sku} is the sold product's sku,
   * {@code deviceId} the device the slot is in and {@code routeId} that device's route now (not
   * at the time of the sale); all three answer for slots, products and devices deleted since.
   */
  public static final SearchFields SALE = new SearchFields("sale",
      declared("slotId", Type.ID, "productId", Type.ID, "sku", Type.TEXT, "deviceId", Type.ID,
          "routeId", Type.ID, "units", Type.INTEGER, "recordedAt", Type.TIME,
          "recordedBy", Type.ID));
  /**
   * Warehouse stock levels of live products: the product's id, sku, name and category, and its
   * units on hand (0 for a product never stocked).
   */
  public static final SearchFields STOCK_LEVEL = new SearchFields("stock level",
      declared("productId", Type.ID, "sku", Type.TEXT, "name", Type.TEXT, "category", Type.TEXT,
          "onHand", Type.INTEGER));
  /**
   * Domain audit events: when, who, what action on which resource, from which client, under
   * which correlation id. Their details are not searchable.
   */
  public static final SearchFields AUDIT_EVENT = new SearchFields("audit event",
      declared("at", Type.TIME, "actorId", Type.ID, "action", Type.TEXT, "resourceType",
          Type.TEXT, "resourceId", Type.ID, "clientAddress", Type.TEXT, "userAgent", Type.TEXT,
          "correlationId", Type.TEXT));
  /** Users; {@code email} is {@linkplain #personal() personal}: exact matches only. */
  public static final SearchFields USER = of("user", "username", Type.TEXT, "email", Type.TEXT,
      "role", Type.TEXT, "active", Type.BOOLEAN).personal("email");

  /** Field names and types, for messages and tools. */
  public Map<String, Type> fields() {
    return fields;
  }

  /**
   * The fields that hold personal data (a user's email, a location's address). Stores may keep
   * them encrypted at rest, so they are searched by exact match only ({@link
   * #EQUALITY_OPERATORS}): never by {@code CONTAINS}, {@code STARTS_WITH}, ranges or sorting, and
   * never by free text ({@link TextQuery}).
   */
  @Experimental(since = "0.3")
  public java.util.Set<String> personal() {
    return personal;
  }

  /**
   * The criteria with every value converted to its field's type.
   *
   * @throws dev.restock.api.error.ValidationException naming each unknown field, wrong number of
   *     values, value of the wrong type, and each {@linkplain #personal() personal} field used
   *     with another operator than an exact match or used for sorting
   */
  public Criteria check(Criteria criteria) {
    Checks checks = new Checks();
    List<Criteria.Filter> converted = new ArrayList<>();
    for (int i = 0; i < criteria.filters().size(); i++) {
      Criteria.Filter f = criteria.filters().get(i);
      String at = "filters[" + i + "]";
      Type type = fields.get(f.field());
      if (type == null) {
        checks.add(at + ".field", unknown(f.field()));
        continue;
      }
      int expected = f.operator().arity();
      int given = f.values().size();
      if (expected >= 0 && given != expected || expected < 0 && given < 1) {
        checks.add(at + ".values", f.operator() + " takes " + (expected < 0 ? "one or more"
            : String.valueOf(expected)) + " value(s), got " + given);
        continue;
      }
      if (personal.contains(f.field()) && !EQUALITY_OPERATORS.contains(f.operator())) {
        checks.add(at + ".operator", f.operator() + " is not allowed on " + f.field() + ": "
            + exactOnly(f.field()));
        continue;
      }
      if ((f.operator() == Criteria.Operator.CONTAINS
          || f.operator() == Criteria.Operator.STARTS_WITH) && type != Type.TEXT) {
        checks.add(at + ".operator", f.operator() + " needs a text field; " + f.field() + " is "
            + type);
        continue;
      }
      List<Object> values = new ArrayList<>();
      for (Object v : f.values()) {
        try {
          values.add(convert(type, v));
        } catch (IllegalArgumentException e) {
          checks.add(at + ".values", "'" + v + "' is not a " + type + " value for " + f.field()
              + (type == Type.TIME ? " (an instant in years 1 to 9999)" : ""));
        }
      }
      converted.add(new Criteria.Filter(f.field(), f.operator(), values));
    }
    for (int i = 0; i < criteria.sort().size(); i++) {
      String field = criteria.sort().get(i).field();
      checks.check(fields.containsKey(field), "sort[" + i + "].field", unknown(field));
      checks.check(!personal.contains(field), "sort[" + i + "].field",
          "cannot sort by " + field + ": " + exactOnly(field));
    }
    checks.throwIfAny();
    return new Criteria(converted, criteria.sort());
  }

  private String exactOnly(String field) {
    return field + " of " + aggregate + " is personal data, encrypted at rest, so only exact "
        + "matches work (EQ, NE, IN, IS_NULL, IS_NOT_NULL)";
  }

  private String unknown(String field) {
    return "'" + field + "' is not a searchable field of " + aggregate + "; use one of "
        + String.join(", ", new java.util.TreeSet<>(fields.keySet()));
  }

  private static Object convert(Type type, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("null");
    }
    String text = value.toString().strip();
    try {
      return switch (type) {
        case TEXT -> value.toString();
        case INTEGER -> value instanceof Number n ? n.longValue() : Long.parseLong(text);
        case DECIMAL -> value instanceof BigDecimal d ? d : new BigDecimal(text);
        case BOOLEAN -> {
          if (value instanceof Boolean b) {
            yield b;
          }
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(text);
          }
          yield Boolean.parseBoolean(text);
        }
        case ID -> value instanceof UUID u ? u : UUID.fromString(text);
        case TIME -> {
          Instant t = value instanceof Instant i ? i : Instant.parse(text);
          // stores hold years 1 to 9999 only; beyond, binding the value fails in the database
          if (!new Checks().instant(t, "value").ok()) {
            throw new IllegalArgumentException(text);
          }
          yield t;
        }
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
