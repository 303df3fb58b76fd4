package dev.restock.jpa.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.storememory.MemoryStore;
import dev.restock.plugin.tck.EngineFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 13: generated commands for the use cases, with arbitrary text and numbers including their
 * edges, on the in-memory store, H2 and SQLite. Whatever the input, the engine either accepts it
 * (and the stored data still reads back) or refuses it with a {@link ValidationException} whose
 * every violation names a field of the command, and then every table's row count is unchanged.
 * A duplicate is the one other refusal allowed, a {@link ConflictException}, also writing
 * nothing; an impossible stock change an {@link InsufficientStockException}.
 */
class BadInputProperties {
  private static final int TRIES = 25;

  /** The stores the properties run on. */
  enum Kind { MEMORY, H2, SQLITE }

  /** One engine per store, opened on first use with a small fleet, closed after the class. */
  private static final Map<Kind, Target> TARGETS = new EnumMap<>(Kind.class);

  private record Target(Restock engine, FreshDatabase db, RestockSession session,
      EngineFixture.Fleet fleet, DeviceSetup device) {}

  private static synchronized Target target(Kind kind) {
    return TARGETS.computeIfAbsent(kind, k -> {
      FreshDatabase db = switch (k) {
        case MEMORY -> null;
        case H2 -> TestDatabase.H2.fresh();
        case SQLITE -> TestDatabase.SQLITE.fresh();
      };
      Restock engine = RestockEngine.builder()
          .store(db == null ? MemoryStore.factory() : db.factory()).build();
      var admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
      RestockSession session = engine.as(Actor.user(admin.id()));
      EngineFixture.Fleet fleet = EngineFixture.fleet(session);
      DeviceSetup device = EngineFixture.device(session, fleet, "P1", 1, 3);
      return new Target(engine, db, session, fleet, device);
    });
  }

  @AfterContainer
  static synchronized void closeAll() {
    TARGETS.values().forEach(t -> {
      t.engine().close();
      if (t.db() != null) {
        t.db().close();
      }
    });
    TARGETS.clear();
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = TRIES)
  void productsAreAcceptedWholeOrRefusedNamingTheField(@ForAll Kind kind,
      @ForAll("text") String sku, @ForAll("text") String name, @ForAll("optionalText") String category,
      @ForAll("prices") BigDecimal price, @ForAll("counts") Integer casePack) {
    Target t = target(kind);
    attempt(t, List.of("sku", "name", "category", "price", "casePack"), () -> {
      Product p = t.session().products().create(new CreateProduct(sku, name, category, price,
          casePack));
      return t.session().products().get(p.id());
    });
  }

  @Property(tries = TRIES)
  void productUpdatesAreAcceptedWholeOrRefusedNamingTheField(@ForAll Kind kind,
      @ForAll("optionalText") String sku, @ForAll("optionalText") String name,
      @ForAll("optionalPrices") BigDecimal price, @ForAll("optionalCounts") Integer casePack) {
    Target t = target(kind);
    UUID chips = t.fleet().chips().id();
    attempt(t, List.of("sku", "name", "category", "price", "casePack", "active"), () -> {
      t.session().products().update(chips, new UpdateProduct(sku, name, null, price, casePack,
          null));
      // the catalogue must stay readable whatever was stored
      return t.session().products().list(PageRequest.first(), Visibility.INCLUDE_DELETED);
    });
  }

  @Property(tries = TRIES)
  void routesLocationsAndDevicesAreAcceptedWholeOrRefusedNamingTheField(@ForAll Kind kind,
      @ForAll("text") String code, @ForAll("text") String name,
      @ForAll("optionalText") String address, @ForAll("optionalCounts") Integer interval,
      @ForAll("optionalCounts") Integer rows, @ForAll("optionalCounts") Integer columns) {
    Target t = target(kind);
    attempt(t, List.of("code", "name", "visitIntervalDays"),
        () -> t.session().routes().create(new CreateRoute(code, name, interval)));
    attempt(t, List.of("name", "address"),
        () -> t.session().locations().create(new CreateLocation(name, address)));
    attempt(t, List.of("name", "serialNumber", "cabinets", "index", "rows", "columns",
        "cabinetTypeId", "locationId", "deviceTypeId", "routeId"),
        () -> t.session().devices().create(new CreateDevice(name, code, t.fleet().location().id(),
            null, t.fleet().deviceType().id(), List.of(new CabinetSpec(1,
                t.fleet().cabinetType().id(), rows, columns)))));
  }

  @Property(tries = TRIES)
  void planogramSlotsAreAcceptedWholeOrRefusedNamingTheField(@ForAll Kind kind,
      @ForAll("text") String position, @ForAll("optionalCounts") Integer capacity,
      @ForAll("optionalCounts") Integer parLevel, @ForAll("optionalCounts") Integer quantity,
      @ForAll("optionalPrices") BigDecimal price) {
    Target t = target(kind);
    UUID planogram = t.device().planograms().get(0).id();
    attempt(t, List.of("slots", "position", "capacity", "parLevel", "quantity", "price", "name"),
        () -> t.session().planograms().update(planogram, new UpdatePlanogram(null, List.of(
            new SlotSpec(position, t.fleet().cola().id(), capacity, parLevel, quantity, price)))));
  }

  @Property(tries = TRIES)
  void salesStockAndOrdersAreAcceptedWholeOrRefusedNamingTheField(@ForAll Kind kind,
      @ForAll("counts") Integer sold, @ForAll("counts") Integer observed,
      @ForAll("units") int units, @ForAll("units") int delta, @ForAll("text") String reason,
      @ForAll("units") int minimumPick) {
    Target t = target(kind);
    Slot slot = t.session().planograms().get(t.device().planograms().get(0).id()).slots().get(0);
    attempt(t, List.of("entries", "slotId", "unitsSold", "observedCount"),
        () -> t.session().sales().record(new RecordSales(List.of(
            SaleEntry.sold(slot.id(), sold), SaleEntry.observed(
                t.session().planograms().get(t.device().planograms().get(0).id()).slots().get(1)
                    .id(), observed)))));
    UUID water = t.fleet().water().id();
    attempt(t, List.of("units", "reason"), () -> t.session().stock().receive(water, units, reason));
    attempt(t, List.of("delta", "reason"), () -> t.session().stock().adjust(water, delta, reason));
    attempt(t, List.of("minimumPick", "routeId", "cabinetIds", "visitPolicyId", "strategyId"),
        () -> t.session().serviceOrders().create(new CreateServiceOrder(t.fleet().route().id(),
            null, null, null, new PickOptions(minimumPick, false))));
  }

  // ---------------------------------------------------------------- the check

  /**
   * Runs one command. Accepted: fine (its result was read back inside). Refused: a validation
   * naming only the command's fields, a conflict or a shortage, and no table changed.
   */
  private static void attempt(Target t, List<String> fields, Supplier<Object> command) {
    Map<String, Long> before = snapshot(t);
    try {
      command.get();
      return;
    } catch (ValidationException e) {
      assertThat(e.violations()).as("violations of a refused command").isNotEmpty();
      for (Violation v : e.violations()) {
        assertThat(fields).as("field named by '" + v.field() + ": " + v.message() + "'")
            .anyMatch(f -> named(v.field(), f));
      }
    } catch (ConflictException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (InsufficientStockException e) {
      // an overflowing sum once came out as "needs -2147483647": a shortage is always positive
      assertThat(e.shortages()).allSatisfy(shortage -> {
        assertThat(shortage.needed()).isPositive();
        assertThat(shortage.needed()).isGreaterThan(shortage.available());
      });
    }
    assertThat(snapshot(t)).as("row counts after a refused command").isEqualTo(before);
  }

  /** {@code slots[0].price} names {@code price}; {@code delivered[..]} names {@code delivered}. */
  private static boolean named(String violationField, String field) {
    for (String part : violationField.split("\\.")) {
      if (part.replaceAll("\\[.*$", "").equals(field)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every table's row count on a database; on the in-memory store, which has no tables, the
   * totals its API reports (every aggregate, deleted ones included, events, stock, sales).
   */
  private static Map<String, Long> snapshot(Target t) {
    Map<String, Long> counts = new TreeMap<>();
    if (t.db() != null) {
      try (Connection c = t.db().connect()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
          while (r.next()) {
            String schema = r.getString("TABLE_SCHEM");
            if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
              tables.add(r.getString("TABLE_NAME"));
            }
          }
        }
        for (String table : tables) {
          // names come from the database's own catalogue, never from input
          try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
              "select count(*) from \"" + table + "\"")) {
            r.next();
            counts.put(table.toLowerCase(Locale.ROOT), r.getLong(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot count the rows of " + t.db().jdbcUrl(), e);
      }
      return counts;
    }
    RestockSession s = t.session();
    PageRequest one = PageRequest.of(0, 1);
    Visibility all = Visibility.INCLUDE_DELETED;
    counts.put("products", s.products().list(one, all).total());
    counts.put("routes", s.routes().list(one, all).total());
    counts.put("locations", s.locations().list(one, all).total());
    counts.put("devices", s.devices().list(one, all).total());
    counts.put("planograms", s.planograms().list(one, all).total());
    counts.put("orders", s.serviceOrders().list(one).total());
    counts.put("events", (long) s.history().events(null, Instant.EPOCH).size());
    counts.put("sales", s.sales().find(dev.restock.api.query.Criteria.all(), one).total());
    counts.put("stock", s.stock().levels().stream().mapToLong(l -> l.onHand()).sum());
    return counts;
  }

  // ---------------------------------------------------------------- generators

  /** Text of every kind: plain, any character at all, edges of length and spoofing characters. */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ').ofMinLength(1)
            .ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(3)
            .map(s -> "AB" + s),
        Arbitraries.of("", " ", "\t", "A1", "T20", "a1", "U1", "A21", "A0", "x".repeat(65),
            "y".repeat(201), "z".repeat(1001), "COLA", "cola", "Co\u202eLA", "\u2066R1\u2069",
            "\u200eS", "SKU\u200b1", "\ufeffBOM", "\ud800", "line\nbreak", "nul\u0000",
            "\u00c9t\u00e9", "\ud83d\ude00", "' or 1=1 --", "%", "_"));
  }

  @Provide
  Arbitrary<String> optionalText() {
    return text().injectNull(0.2);
  }

  /** Money amounts: ordinary ones, and every edge of numeric(12,2). */
  @Provide
  Arbitrary<BigDecimal> prices() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("100"))
            .ofScale(2),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12"))
            .ofScale(4),
        Arbitraries.of("1e400", "1E+10", "1e-400", "99999999999999999999", "9999999999.99",
            "10000000000.00", "9999999999.995", "0", "0.00", "-0.01", "0.001", "1.50E+2")
            .map(BigDecimal::new));
  }

  @Provide
  Arbitrary<BigDecimal> optionalPrices() {
    return prices().injectNull(0.3);
  }

  /** Counts around every bound the commands have, and the ends of int. */
  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-3, 25),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 3, 4, 20, 21, 60, 61, 998,
            999, 1000, 10_000, 10_001));
  }

  @Provide
  Arbitrary<Integer> optionalCounts() {
    return counts().injectNull(0.2);
  }

  /** Stock units and pick minimums: small, large, and the ends of int. */
  @Provide
  Arbitrary<Integer> units() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-50, 1500),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE,
            Integer.MAX_VALUE - 1, 999_999_999, 1_000_000_000, 1_000_000_001, -1_000_000_000,
            -1_000_000_001, 0));
  }
}
