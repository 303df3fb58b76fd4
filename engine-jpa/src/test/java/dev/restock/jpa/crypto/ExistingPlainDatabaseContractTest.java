package dev.restock.jpa.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ConflictException;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Location;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.TestSigner;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written without keys and opened later with keys (issue 20, docs/personal-data.md
 * "Turning keys on for an existing database"): its plain live values are sealed at open as one
 * revision, lookups find the old rows, and erasure of a user whose plain email is chained in
 * history is refused.
 */
abstract class ExistingPlainDatabaseContractTest {
  static final String ANN = "ann.plain-mail@example.com";
  static final String CARL = "carl.deleted-mail@example.com";
  static final String ADDRESS = "Altgasse 5, 8001 Zuerich";
  static final String VISIT_NOTE = "Mr Frei said the door sticks";
  static final String ORDER_NOTE = "Cancelled before the keys were on";
  static final String[][] SEALED = {{"app_user", "email"}, {"location", "address"},
      {"service_order", "notes"}, {"service_visit", "notes"}};

  @TempDir Path dir;
  private final TestSigner signer = TestSigner.generate();
  private KeyFileKeyProvider keys;
  protected JpaStoreConfig config;
  private Restock engine;
  private RestockSession session;
  private User ann;
  private User carl;
  private Location depot;
  private long plainValues;

  /** A configuration (without keys) of a new, empty database of this kind under {@code dir}. */
  protected abstract JpaStoreConfig newDatabase(Path dir);

  /** Drops it. */
  protected abstract void dropDatabase();

  /** Makes every update of {@code table} fail (a trigger), to break a transaction part-way. */
  protected abstract void failUpdatesOf(Connection c, String table) throws SQLException;

  /** Undoes {@link #failUpdatesOf}. */
  protected abstract void allowUpdatesOf(Connection c, String table) throws SQLException;

  @BeforeEach
  void writeWithoutKeysThenOpenWithKeys() {
    keys = KeyFileKeyProvider.create(dir.resolve("keys.properties"));
    config = newDatabase(dir);
    open(config);
    ann = session.users().create(new CreateUser("ann", ANN, Role.DRIVER));
    carl = session.users().create(new CreateUser("carl", CARL, Role.DRIVER));
    session.users().delete(carl.id());
    depot = session.locations().create(new CreateLocation("Depot", ADDRESS));
    User driver = session.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));
    EngineFixture.Fleet fleet = EngineFixture.fleet(session);
    EngineFixture.device(session, fleet, "M1", 1, 2);
    for (var product : List.of(fleet.cola(), fleet.water(), fleet.chips())) {
      session.stock().receive(product.id(), 500, "stock");
    }
    ServiceOrder visited = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    session.serviceOrders().assign(visited.id(), driver.id());
    session.serviceOrders().dispatch(visited.id());
    session.serviceOrders().completeVisit(visited.id(), visited.visits().get(0).id(),
        new CompleteVisit(null, false, VISIT_NOTE));
    ServiceOrder cancelled = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    session.serviceOrders().cancel(cancelled.id(), ORDER_NOTE);
    closeEngine();
    try (Connection c = connect()) {
      for (String[] t : SEALED) {
        plainValues += strings(c, "select " + t[1] + " from " + t[0] + " where " + t[1]
            + " is not null").size();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    open(config.withKeys(keys));
  }

  private void open(JpaStoreConfig on) {
    engine = RestockEngine.builder().store(JpaStores.of(on))
        .checkpointSigner(signer).checkpointEvery(0, null).build();
    session = engine.as(Actor.system());
  }

  private void closeEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  @AfterEach
  void close() {
    closeEngine();
    dropDatabase();
  }

  @Test
  void findByEmailFindsAUserCreatedBeforeTheKeys() {
    try (Store store = JpaStores.of(config.withKeys(keys)).open()) {
      assertThat(new StoreFixture(store).write(() -> store.users().findByEmail(ANN)))
          .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(ann.id()));
    }
  }

  @Test
  void aNewUserCannotTakeTheEmailOfAUserCreatedBeforeTheKeys() throws Exception {
    long users = count("select count(*) from app_user");
    assertThatThrownBy(() -> session.users().create(new CreateUser("ann2", ANN, Role.DRIVER)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("email");
    assertThat(count("select count(*) from app_user")).isEqualTo(users);
  }

  @Test
  void equalitySearchFindsRowsWrittenBeforeTheKeys() {
    assertThat(session.users().find(Criteria.where("email", Criteria.Operator.EQ, ANN),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(User::id)
        .containsExactly(ann.id());
    assertThat(session.locations().find(Criteria.where("address", Criteria.Operator.EQ, ADDRESS),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(Location::id)
        .containsExactly(depot.id());
  }

  @Test
  void everyLivePersonalValueIsSealedAndIndexedIncludingSoftDeletedRows() throws Exception {
    try (Connection c = connect()) {
      for (String[] t : SEALED) {
        List<String> values = strings(c, "select " + t[1] + " from " + t[0] + " where " + t[1]
            + " is not null");
        assertThat(values).as(t[0] + "." + t[1]).isNotEmpty()
            .allSatisfy(v -> assertThat(v).startsWith("ENC1."));
      }
      assertThat(strings(c, "select email_hmac from app_user")).doesNotContainNull();
      assertThat(strings(c, "select address_hmac from location")).doesNotContainNull();
      assertThat(strings(c, "select email from app_user_aud where id = '" + carl.id() + "'"))
          .as("history stays as it was chained").contains(CARL);
    }
    session.users().restore(carl.id());
    assertThat(session.users().get(carl.id()).email()).isEqualTo(CARL);
  }

  @Test
  void theSealingIsOneRevisionAndLeavesTheChainAndTheLiveRowsClean() throws Exception {
    assertThat(count("select count(*) from audit_revision where action = 'keys.seal-existing'"))
        .isOne();
    try (Connection c = connect()) {
      assertThat(plainValues).isGreaterThanOrEqualTo(6);
      assertThat(strings(c, "select reason from audit_revision where action = "
          + "'keys.seal-existing'")).singleElement().asString()
          .contains("sealed " + plainValues + " plain");
      assertThat(strings(c, "select actor_id from audit_revision where action = "
          + "'keys.seal-existing'")).containsExactly(Actor.SYSTEM_ID.toString());
    }
    assertThat(session.history().verify().intact()).isTrue();
    assertThat(session.history().liveDrift()).isEmpty();
    assertThat(session.users().get(ann.id()).email()).isEqualTo(ANN);
    assertThat(session.locations().get(depot.id()).address()).isEqualTo(ADDRESS);
  }

  @Test
  void reopeningWithKeysWritesNothingMore() throws Exception {
    long revisions = count("select count(*) from audit_revision");
    long keysBefore = count("select count(*) from subject_key");
    closeEngine();
    open(config.withKeys(keys));
    closeEngine();
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(count("select count(*) from subject_key")).isEqualTo(keysBefore);
    open(config.withKeys(keys));
  }

  @Test
  void aFailurePartWayThroughTheSealingLeavesTheDatabaseAsItWas() throws Exception {
    closeEngine();
    String plainNote = "written by a process without keys";
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "update app_user set email = ?, email_hmac = null where id = ?")) {
      p.setString(1, ANN);
      p.setString(2, ann.id().toString());
      assertThat(p.executeUpdate()).isOne();
      try (PreparedStatement v = c.prepareStatement("update service_visit set notes = ?")) {
        v.setString(1, plainNote);
        assertThat(v.executeUpdate()).isPositive();
      }
      failUpdatesOf(c, "service_visit");
    }
    long revisions = count("select count(*) from audit_revision");
    long keysBefore = count("select count(*) from subject_key");
    long auditRows = count("select count(*) from app_user_aud");

    // the users are sealed first, the visits last: the visit's update fails the transaction
    assertThatThrownBy(() -> JpaStores.of(config.withKeys(keys)).open().close())
        .isInstanceOf(RuntimeException.class).hasStackTraceContaining("injected failure");

    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(count("select count(*) from subject_key")).isEqualTo(keysBefore);
    assertThat(count("select count(*) from app_user_aud")).isEqualTo(auditRows);
    assertThat(strings("select email from app_user where id = '" + ann.id() + "'"))
        .containsExactly(ANN);
    assertThat(strings("select email_hmac from app_user where id = '" + ann.id() + "'"))
        .containsOnlyNulls();
    try (Connection c = connect()) {
      allowUpdatesOf(c, "service_visit");
    }
    open(config.withKeys(keys));
    assertThat(strings("select email from app_user where id = '" + ann.id() + "'"))
        .singleElement().asString().startsWith("ENC1.");
    assertThat(strings("select notes from service_visit")).allSatisfy(
        n -> assertThat(n).startsWith("ENC1."));
    assertThat(count("select count(*) from audit_revision where action = 'keys.seal-existing'"))
        .isEqualTo(2);
  }

  @Test
  void erasingAUserWhoseEmailIsPlainInHistoryIsRefusedAndNothingIsWritten() throws Exception {
    long revisions = count("select count(*) from audit_revision");
    long keysBefore = count("select count(*) from subject_key");
    String stored = strings("select email from app_user where id = '" + ann.id() + "'").get(0);
    closeEngine();
    try (Store store = JpaStores.of(config.withKeys(keys)).open()) {
      assertThatThrownBy(() -> new StoreFixture(store).write(() -> {
        store.users().erase(ann.id());
        return null;
      })).isInstanceOf(ErasureNotSupportedException.class)
          .hasMessageContaining(ann.id().toString())
          .hasMessageContaining("1 history row")
          .hasMessageContaining("plain");
    }
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(count("select count(*) from subject_key")).isEqualTo(keysBefore);
    assertThat(count("select count(*) from erased_subject")).isZero();
    assertThat(strings("select email from app_user where id = '" + ann.id() + "'"))
        .containsExactly(stored);
    open(config.withKeys(keys));
    assertThat(session.users().get(ann.id()).email()).isEqualTo(ANN);
  }

  @Test
  void erasingAUserCreatedAfterTheKeysWorks() throws Exception {
    User eve = session.users().create(new CreateUser("eve", "eve@example.com", Role.DRIVER));
    closeEngine();
    open(config.withKeys(keys));
    session.users().erase(eve.id(), "request 1"); // the use case: verify wants its audit event
    assertThat(session.users().get(eve.id()).email()).isEqualTo(User.erasedEmail(eve.id()));
    assertThat(session.history().verify().intact()).isTrue();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql);
        ResultSet r = p.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection c = connect()) {
      return strings(c, sql);
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
