package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.shared.AuditStamp;
import dev.restock.api.shared.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's own guarantees, below the use cases: units of work, translation of constraint
 * violations, revision rows, statement counts. Extended once per database.
 */
abstract class StoreContractTest {
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
  void aNestedFailureRollsBackTheUnitEvenWhenTheOuterLevelCatchesIt() throws SQLException {
    assertThatThrownBy(() -> write(() -> {
      store.products().add(product("A"));
      try {
        write(() -> {
          store.products().add(product("B"));
          throw new IllegalArgumentException("inner boom");
        });
      } catch (IllegalArgumentException expected) {
        // swallowed on purpose: the unit must still not commit
      }
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(count("select count(*) from product")).isZero();
  }

  @Test
  void aNestedUnitJoinsTheOuterOneAndKeepsItsContext() throws SQLException {
    Product p = write(() -> tx.write(new AuditContext(Actor.system(), "inner.action"),
        () -> store.products().add(product("A"))));

    assertThat(p.stamp().createdBy()).isEqualTo(actorId);
    assertThat(count("select count(*) from audit_revision")).isEqualTo(1);
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "select actor_id, action, reason, client_address, user_agent from audit_revision")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(actorId.toString());
      assertThat(rs.getString(2)).isEqualTo("test.write");
      assertThat(rs.getString(3)).isEqualTo("why");
      assertThat(rs.getString(4)).isEqualTo("192.0.2.1");
      assertThat(rs.getString(5)).isEqualTo("ua/1");
    }
  }

  @Test
  void anUpdateBasedOnAStaleVersionIsAConflictAndChangesNothing() throws SQLException {
    Product original = write(() -> store.products().add(product("A")));
    write(() -> store.products().update(new Product(original.id(), "A", "First change", null,
        original.price(), 1, true, original.version(), original.stamp(), null)));

    assertThatThrownBy(() -> write(() -> store.products().update(new Product(original.id(), "A",
        "Stale change", null, original.price(), 1, true, original.version(), original.stamp(),
        null)))).isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone");

    assertThat(count("select count(*) from product where name = 'First change'")).isEqualTo(1);
  }

  @Test
  void theDatabaseEnforcesLiveUniquenessEvenWhenTheCoreIsBypassed() throws SQLException {
    Product first = write(() -> store.products().add(product("DUP")));
    assertThatThrownBy(() -> write(() -> store.products().add(product("DUP"))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("sku");
    assertThat(count("select count(*) from product")).isEqualTo(1);

    write(() -> {
      store.products().softDelete(first.id());
      return null;
    });
    Product second = write(() -> store.products().add(product("DUP")));
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThatThrownBy(() -> write(() -> store.products().restore(first.id())))
        .isInstanceOf(ConflictException.class).hasMessageContaining("sku");
    assertThat(count("select count(*) from product where deleted_at is null")).isEqualTo(1);
  }

  @Test
  void repositoriesRefuseToWorkOutsideAUnitOfWork() {
    assertThatThrownBy(() -> store.products().find(UUID.randomUUID(), Visibility.LIVE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no unit of work");
    assertThatThrownBy(() -> tx.read(() -> store.products().add(product("A"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-write");
    assertThatThrownBy(() -> tx.read(() -> tx.write(context, () -> null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
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
