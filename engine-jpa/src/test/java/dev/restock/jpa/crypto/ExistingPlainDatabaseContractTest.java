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
import dev.restock.jpa.JpaStore;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  /** More locations than the sealing changes between two flushes (SealExisting.BATCH, 500). */
  static final int STOPS = 510;
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
    // through the engine, whose erasure is the chained user.erase revision audit verify expects
    session.users().erase(eve.id(), "asked to be forgotten");
    closeEngine();
    open(config.withKeys(keys));
    assertThat(session.users().get(eve.id()).email()).isEqualTo(User.erasedEmail(eve.id()));
    var verified = session.history().verify();
    assertThat(verified.intact()).as(verified.toString()).isTrue();
  }

  /** Two processes opening with keys at once (two stores, two pools) seal once, both open. */
  @Test
  void twoStoresOpeningAtOnceSealOnceAndBothOpen() throws Exception {
    for (int i = 0; i < STOPS; i++) {
      session.locations().create(new CreateLocation("Stop " + i, "Street " + i));
    }
    closeEngine();
    plainAgain();
    long revisions = count("select count(*) from audit_revision where action = "
        + "'keys.seal-existing'");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> opened = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        opened.add(two.submit(() -> {
          start.await();
          try (JpaStore store = JpaStore.open(config.withKeys(keys))) {
            return store.sealedAtOpen();
          }
        }));
      }
      start.countDown();
      List<Long> sealed = new ArrayList<>();
      for (Future<Long> f : opened) {
        sealed.add(f.get(5, TimeUnit.MINUTES));
      }
      long plain = STOPS + 3;
      assertThat(sealed).as("one store sealed, the other found nothing left")
          .containsExactlyInAnyOrder(plain, 0L);
    } finally {
      two.shutdownNow();
    }
    assertThat(count("select count(*) from audit_revision where action = "
        + "'keys.seal-existing'")).isEqualTo(revisions + 1);
    assertThat(strings("select address from location")).allSatisfy(
        a -> assertThat(FieldCrypto.isSealed(a)).as(a).isTrue());
    open(config.withKeys(keys));
    assertThat(session.history().verify().intact()).isTrue();
  }

  /** Ann's and Carl's emails, the depot's address and the stops' addresses plain again. */
  private void plainAgain() throws SQLException {
    try (Connection c = connect()) {
      for (String[] v : new String[][] {{ANN, ann.id().toString()}, {CARL, carl.id().toString()}}) {
        try (PreparedStatement p = c.prepareStatement(
            "update app_user set email = ?, email_hmac = null where id = ?")) {
          p.setString(1, v[0]);
          p.setString(2, v[1]);
          assertThat(p.executeUpdate()).isOne();
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "update location set address = name, address_hmac = null where name like 'Stop %'")) {
        assertThat(p.executeUpdate()).isEqualTo(STOPS);
      }
      try (PreparedStatement p = c.prepareStatement(
          "update location set address = ?, address_hmac = null where id = ?")) {
        p.setString(1, ADDRESS);
        p.setString(2, depot.id().toString());
        assertThat(p.executeUpdate()).isOne();
      }
    }
  }

  /**
   * "Plain" is anything without the form of a sealed value: a value starting with a lower-case
   * enc1. (SQLite's like ignores case) or with ENC1. but not sealed is sealed and indexed too.
   */
  @Test
  void valuesThatOnlyLookSealedAreSealedAndIndexed() throws Exception {
    String lower = "enc1.bob@example.com";
    String fake = "ENC1.not-sealed, Hauptstrasse 1";
    closeEngine();
    UUID dan = UUID.fromString(strings("select id from app_user where username = 'dan'").get(0));
    try (Connection c = connect()) {
      try (PreparedStatement p = c.prepareStatement(
          "update app_user set email = ?, email_hmac = null where id = ?")) {
        p.setString(1, lower);
        p.setString(2, dan.toString());
        assertThat(p.executeUpdate()).isOne();
      }
      try (PreparedStatement p = c.prepareStatement(
          "update location set address = ?, address_hmac = null where id = ?")) {
        p.setString(1, fake);
        p.setString(2, depot.id().toString());
        assertThat(p.executeUpdate()).isOne();
      }
    }
    open(config.withKeys(keys));
    assertThat(strings("select email from app_user where id = '" + dan + "'"))
        .singleElement().satisfies(v -> assertThat(FieldCrypto.isSealed(v)).isTrue());
    assertThat(strings("select address from location where id = '" + depot.id() + "'"))
        .singleElement().satisfies(v -> assertThat(FieldCrypto.isSealed(v)).isTrue());
    assertThat(session.users().find(Criteria.where("email", Criteria.Operator.EQ, lower),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(User::id)
        .containsExactly(dan);
    assertThat(session.locations().get(depot.id()).address()).isEqualTo(fake);
    assertThatThrownBy(() -> session.users().create(new CreateUser("bob", lower, Role.DRIVER)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("email");
  }

  /**
   * A store that does not migrate at start writes nothing at open: the plain values stay (a
   * warning names them), and lookups by email still find them, never a sealed row by its
   * ciphertext.
   */
  @Test
  void withoutMigrationAtStartNothingIsSealedAndLookupsStillFindThePlainRows() throws Exception {
    closeEngine();
    plainAgainAnn();
    long revisions = count("select count(*) from audit_revision");
    UUID dan = UUID.fromString(strings("select id from app_user where username = 'dan'").get(0));
    String danSealed = strings("select email from app_user where id = '" + dan + "'").get(0);
    assertThat(FieldCrypto.isSealed(danSealed)).isTrue();
    try (JpaStore store = JpaStore.open(config.withKeys(keys).withMigrateOnStart(false))) {
      assertThat(store.sealedAtOpen()).isZero();
      StoreFixture fixture = new StoreFixture(store);
      assertThat(fixture.write(() -> store.users().findByEmail(ANN)))
          .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(ann.id()));
      assertThat(fixture.write(() -> store.users().findByEmail(danSealed)))
          .as("a ciphertext is no email").isEmpty();
      assertThat(fixture.write(() -> store.users().findByEmail("dan@example.com")))
          .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(dan));
    }
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(strings("select email from app_user where id = '" + ann.id() + "'"))
        .containsExactly(ANN);
  }

  /**
   * A keyless backup restored with its carried erasures can hold a plain email of an erased
   * user: the sealing writes the erased placeholder under the store key, never the old email
   * under a new key of the user.
   */
  @Test
  void anErasedUserWithAPlainEmailStaysErased() throws Exception {
    closeEngine();
    // Ann live, Carl soft-deleted: both emails plain, both erased, no data key of theirs
    for (User u : List.of(ann, carl)) {
      String subject = FieldCrypto.userSubject(u.id());
      try (Connection c = connect()) {
        try (PreparedStatement p = c.prepareStatement(
            "update app_user set email = ?, email_hmac = null where id = ?")) {
          p.setString(1, u.email());
          p.setString(2, u.id().toString());
          assertThat(p.executeUpdate()).isOne();
        }
        try (PreparedStatement p = c.prepareStatement(
            "delete from subject_key where subject = ?")) {
          p.setString(1, subject);
          p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
            "insert into erased_subject (subject, erased_at) values (?, ?)")) {
          p.setString(1, subject);
          p.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now()));
          assertThat(p.executeUpdate()).isOne();
        }
      }
    }
    try (JpaStore store = JpaStore.open(config.withKeys(keys))) {
      StoreFixture fixture = new StoreFixture(store);
      assertThat(fixture.write(() -> store.users().findByEmail(ANN))).isEmpty();
      assertThat(fixture.write(() -> store.users().findByEmail(CARL))).isEmpty();
      User annNow = fixture.write(() -> store.users().find(ann.id(), Visibility.LIVE))
          .orElseThrow();
      assertThat(annNow.email()).isEqualTo(User.erasedEmail(ann.id()));
      assertThat(annNow.active()).isFalse();
      assertThat(fixture.write(() -> store.users().find(carl.id(), Visibility.ONLY_DELETED))
          .orElseThrow().email()).isEqualTo(User.erasedEmail(carl.id()));
    }
    for (UUID id : List.of(ann.id(), carl.id())) {
      assertThat(count("select count(*) from subject_key where subject = '"
          + FieldCrypto.userSubject(id) + "'")).as("no data key of an erased user").isZero();
      assertThat(strings("select email from app_user where id = '" + id + "'"))
          .singleElement().satisfies(v -> assertThat(FieldCrypto.isSealed(v)).isTrue());
    }
  }

  /**
   * A store opened inside a unit of work (the opener may hold locks the sealing, on its own
   * thread, would wait for) does not seal: like a store that does not migrate at start, it
   * writes nothing and warns.
   */
  @Test
  void aStoreOpenedInsideAUnitOfWorkDoesNotSealAndWritesNothing() throws Exception {
    closeEngine();
    plainAgainAnn();
    long revisions = count("select count(*) from audit_revision");
    try (JpaStore outer = JpaStore.open(config.withKeys(keys).withMigrateOnStart(false))) {
      long sealed = new StoreFixture(outer).write(() -> {
        try (JpaStore inner = JpaStore.open(config.withKeys(keys))) {
          return inner.sealedAtOpen();
        }
      });
      assertThat(sealed).isZero();
    }
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(strings("select email from app_user where id = '" + ann.id() + "'"))
        .containsExactly(ANN);
  }

  private void plainAgainAnn() throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "update app_user set email = ?, email_hmac = null where id = ?")) {
      p.setString(1, ANN);
      p.setString(2, ann.id().toString());
      assertThat(p.executeUpdate()).isOne();
    }
  }

  /**
   * A process without keys gave a user the email of a sealed user; sealing it would break the
   * unique index, so the open is refused with both users named, and nothing is written.
   */
  @Test
  void aPlainEmailDuplicatingASealedOneIsRefusedByNameAndNothingIsWritten() throws Exception {
    closeEngine();
    UUID dan = UUID.fromString(strings("select id from app_user where username = 'dan'").get(0));
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "update app_user set email = ?, email_hmac = null where id = ?")) {
      p.setString(1, ANN);
      p.setString(2, dan.toString());
      assertThat(p.executeUpdate()).isOne();
    }
    plainAgainVisitNote();
    long revisions = count("select count(*) from audit_revision");
    long keysBefore = count("select count(*) from subject_key");
    assertThatThrownBy(() -> JpaStore.open(config.withKeys(keys)).close())
        .isInstanceOf(DuplicatePlainEmailException.class)
        .hasMessageContaining(ann.id().toString()).hasMessageContaining(dan.toString())
        .hasMessageContaining("then open with keys again")
        .satisfies(e -> assertThat(((DuplicatePlainEmailException) e).duplicates())
            .containsExactly(List.of(ann.id(), dan)));
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(count("select count(*) from subject_key")).isEqualTo(keysBefore);
    assertThat(strings("select email from app_user where id = '" + dan + "'"))
        .containsExactly(ANN);
    assertThat(strings("select notes from service_visit")).contains(VISIT_NOTE);
  }

  private void plainAgainVisitNote() throws SQLException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("update service_visit set notes = ?")) {
      p.setString(1, VISIT_NOTE);
      assertThat(p.executeUpdate()).isPositive();
    }
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
