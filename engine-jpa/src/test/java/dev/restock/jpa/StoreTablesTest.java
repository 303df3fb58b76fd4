package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the JPA store can show, below the use cases: that a rolled-back unit leaves no row
 * in the entity, audit and revision tables, and statement counts. The behaviour every store
 * shares (units of work, versions, uniqueness, soft delete, history...) is in the TCK's
 * {@link dev.restock.plugin.tck.StoreContract}, which {@code *StoreKitTest} runs per database.
 * Extended once per database.
 */
abstract class StoreTablesTest {
  protected FreshDatabase db;
  protected JpaStore store;
  protected TransactionBoundary tx;
  protected final UUID actorId = UUID.randomUUID();
  protected final AuditContext context = new AuditContext(
      Actor.user(actorId).withReason("why").withClientAddress("192.0.2.1").withUserAgent("ua/1"),
      "test.write");

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    db = database().fresh();
    store = (JpaStore) db.factory().open();
    tx = store.transactions();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    if (db != null) {
      db.close();
    }
  }

  protected <T> T write(Supplier<T> work) {
    return tx.write(context, work);
  }

  protected static Product product(String sku) {
    return new Product(UUID.randomUUID(), sku, "Product " + sku, null, new BigDecimal("1.00"), 1,
        true, 0, AuditStamp.NEW, null);
  }

  protected long count(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void anExceptionAnywhereInAUnitRollsBackEveryNestedChange() throws SQLException {
    assertThatThrownBy(() -> write(() -> {
      store.products().add(product("A"));
      tx.write(new AuditContext(Actor.system(), "inner"), () -> store.products().add(product("B")));
      throw new IllegalArgumentException("boom");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");

    assertThat(count("select count(*) from product")).isZero();
    assertThat(count("select count(*) from product_aud")).isZero();
    assertThat(count("select count(*) from audit_revision")).isZero();
  }

  @Test
  void readingARouteTakesTheSameNumberOfStatementsWhateverItsSize() {
    Fleet small = fleet(1);
    Fleet large = fleet(6);

    long smallStatements = statementsToReadRoute(small.route());
    long largeStatements = statementsToReadRoute(large.route());

    assertThat(largeStatements).isEqualTo(smallStatements);
    assertThat(tx.read(() -> store.devices().listByRoute(large.route().id()))).hasSize(6);
  }

  private long statementsToReadRoute(Route route) {
    long before = store.preparedStatementCount();
    tx.read(() -> {
      List<Device> devices = store.devices().listByRoute(route.id());
      List<UUID> cabinets = devices.stream().flatMap(d -> d.cabinets().stream())
          .map(Cabinet::id).toList();
      List<Planogram> planograms = store.planograms().findActiveByCabinets(cabinets);
      assertThat(planograms).hasSize(cabinets.size());
      return store.products().findAllById(planograms.stream().flatMap(p -> p.slots().stream())
          .map(Slot::productId).distinct().toList());
    });
    return store.preparedStatementCount() - before;
  }

  @Test
  void machineReadsAreWrittenAndFoundInStatementsThatDoNotGrowWithTheirNumberOrSize() {
    StoreFixture fixture = new StoreFixture(store);
    UUID device = fixture.device(fixture.reference("R1"), "Alpha", 1, 5).device().id();
    Instant at = Instant.parse("2026-03-02T10:15:30Z");

    long appendSmall = statements(() -> write(() -> {
      store.machineReads().append(machineRead(device, at, 1));
      return null;
    }));
    long findOne = statements(() -> tx.read(() -> store.machineReads().between(device, at,
        at.plusSeconds(1))));
    long latestSmall = statements(() -> tx.read(() -> store.machineReads().latestFor(device)));
    long appendLarge = statements(() -> write(() -> {
      store.machineReads().append(machineRead(device, at.plusSeconds(1), 40));
      return null;
    }));
    long latestLarge = statements(() -> tx.read(() -> store.machineReads().latestFor(device)));
    write(() -> {
      for (int i = 2; i < 8; i++) {
        store.machineReads().append(machineRead(device, at.plusSeconds(i), 3 * i));
      }
      return null;
    });
    long findMany = statements(() -> assertThat(tx.read(() -> store.machineReads()
        .between(null, at, at.plusSeconds(60)))).hasSize(8));

    assertThat(appendLarge).isEqualTo(appendSmall);
    assertThat(latestLarge).isEqualTo(latestSmall);
    assertThat(findMany).isEqualTo(findOne);
  }

  private long statements(Runnable work) {
    long before = store.preparedStatementCount();
    work.run();
    return store.preparedStatementCount() - before;
  }

  private static StoredRead machineRead(UUID device, Instant at, int selections) {
    List<SelectionCounter> counters = new ArrayList<>();
    for (int i = 0; i < selections; i++) {
      counters.add(new SelectionCounter("S" + i, new BigDecimal("1.00"), i, null, i + 1));
    }
    return new StoredRead(UUID.randomUUID(), device, "SN-1", UUID.randomUUID().toString()
        .replace("-", "").repeat(2), "reads.dex", at, counters, CashCounters.NONE, false, 0,
        new BigDecimal("0.00"), null, null, at, Actor.SYSTEM_ID);
  }

  private record Fleet(Route route) {}

  private Fleet fleet(int devices) {
    return write(() -> {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      Location location = store.locations().add(
          new Location(UUID.randomUUID(), "L" + tag, null, 0, AuditStamp.NEW, null));
      Route route = store.routes().add(
          new Route(UUID.randomUUID(), "R" + tag, "Route", 7, 0, AuditStamp.NEW, null));
      DeviceType type = store.deviceTypes().add(
          new DeviceType(UUID.randomUUID(), "T" + tag, 2, 0, AuditStamp.NEW, null));
      CabinetType cabinetType = store.cabinetTypes().add(
          new CabinetType(UUID.randomUUID(), "C" + tag, 0, AuditStamp.NEW, null));
      Product a = store.products().add(product("A" + tag));
      Product b = store.products().add(product("B" + tag));
      for (int i = 0; i < devices; i++) {
        List<Cabinet> cabinets = List.of(
            new Cabinet(UUID.randomUUID(), 1, cabinetType.id(), 3, 3),
            new Cabinet(UUID.randomUUID(), 2, cabinetType.id(), 3, 3));
        Device d = store.devices().add(new Device(UUID.randomUUID(), "D" + i, tag + "-" + i,
            location.id(), route.id(), type.id(), cabinets, 0, AuditStamp.NEW, null));
        for (Cabinet c : d.cabinets()) {
          List<Slot> slots = new ArrayList<>();
          slots.add(new Slot(UUID.randomUUID(), "A1", a.id(), 10, 8, 2, a.price()));
          slots.add(new Slot(UUID.randomUUID(), "A2", b.id(), 10, 8, 2, b.price()));
          store.planograms().add(new Planogram(UUID.randomUUID(), c.id(), "P", true, slots, 0,
              AuditStamp.NEW, null));
        }
      }
      return new Fleet(route);
    });
  }
}
