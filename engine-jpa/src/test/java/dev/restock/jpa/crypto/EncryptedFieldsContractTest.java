package dev.restock.jpa.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.error.ConflictException;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.TestSigner;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.StoreFixture;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal fields encrypted at rest (issue 20) on each database: round trips, the database's
 * bytes and a backup's, the HMAC equality index, the hash chain, erasure and start-up refusals.
 */
abstract class EncryptedFieldsContractTest {
  static final String ANN = "ann.secret-mail@example.com";
  static final String ANN2 = "ann.second-mail@example.com";
  static final String BOB = "bob.hidden-box@example.org";
  static final String ADDRESS = "Geheimgasse 17, 8001 Zuerich";
  static final String ADDRESS2 = "Verborgenweg 3, 3000 Bern";
  static final String VISIT_NOTE = "Mrs Keller at the door said the machine was kicked";
  static final String ORDER_NOTE = "Cancelled: Mr Huber asked us not to come";

  @TempDir Path dir;
  private final TestSigner signer = TestSigner.generate();
  private KeyFileKeyProvider keys;
  protected JpaStoreConfig config;
  private Restock engine;
  private RestockSession session;

  /** A configuration (without keys) of a new, empty database of this kind under {@code dir}. */
  protected abstract JpaStoreConfig newDatabase(Path dir);

  /** Drops it. */
  protected abstract void dropDatabase();

  /**
   * Every byte the database keeps for this store (files, or a plain dump), read while no store
   * is open on it.
   */
  protected abstract byte[] atRest() throws Exception;

  /** A backup file's content, uncompressed. */
  protected abstract byte[] backupContent(Path backup) throws Exception;

  /** A raw JDBC connection to the database. */
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
  }

  @BeforeEach
  void open() {
    keys = KeyFileKeyProvider.create(dir.resolve("keys.properties"));
    config = newDatabase(dir);
    openEngine();
  }

  private void openEngine() {
    engine = RestockEngine.builder().store(JpaStores.of(config.withKeys(keys)))
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

  /** Erases through the use case: verify asks for its chained {@code user.erase} revision. */
  private void erase(UUID userId) {
    session.users().erase(userId, "erasure request");
  }

  private record Written(User ann, User bob, Location depot) {}

  private Written someHistory() {
    User ann = session.users().create(new CreateUser("ann", ANN, Role.DRIVER));
    ann = session.users().update(ann.id(), new UpdateUser(ANN2, null, null));
    ann = session.users().update(ann.id(), new UpdateUser(null, Role.MANAGER, null));
    User bob = session.users().create(new CreateUser("bob", BOB, Role.DRIVER));
    Location depot = session.locations().create(new CreateLocation("Depot", ADDRESS));
    depot = session.locations().update(depot.id(), new UpdateLocation(null, ADDRESS2));
    return new Written(ann, bob, depot);
  }

  @Test
  void valuesRoundTripAndHistoryShowsThemPlain() {
    Written w = someHistory();
    assertThat(session.users().get(w.ann().id()).email()).isEqualTo(ANN2);
    assertThat(session.users().get(w.ann().id()).role()).isEqualTo(Role.MANAGER);
    assertThat(session.users().get(w.bob().id()).email()).isEqualTo(BOB);
    assertThat(session.locations().get(w.depot().id()).address()).isEqualTo(ADDRESS2);
    assertThat(changes(AuditedType.USER, w.ann().id(), "email"))
        .containsExactly(new FieldChange("email", null, ANN), new FieldChange("email", ANN, ANN2));
    assertThat(changes(AuditedType.LOCATION, w.depot().id(), "address")).containsExactly(
        new FieldChange("address", null, ADDRESS), new FieldChange("address", ADDRESS, ADDRESS2));
  }

  @Test
  void orderAndVisitNotesAreSealedAtRestAndReadBackPlainWithTheirHistory() throws Exception {
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
    UUID visit = visited.visits().get(0).id();
    session.serviceOrders().completeVisit(visited.id(), visit,
        new CompleteVisit(null, false, VISIT_NOTE));
    ServiceOrder cancelled = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    session.serviceOrders().cancel(cancelled.id(), ORDER_NOTE);

    assertThat(session.serviceOrders().get(visited.id()).visits().get(0).notes())
        .isEqualTo(VISIT_NOTE);
    assertThat(session.serviceOrders().get(cancelled.id()).notes()).isEqualTo(ORDER_NOTE);
    assertThat(changes(AuditedType.SERVICE_ORDER, cancelled.id(), "notes"))
        .containsExactly(new FieldChange("notes", null, ORDER_NOTE));
    assertThat(changes(AuditedType.SERVICE_ORDER, visited.id(), "visit[M1 #1]"))
        .extracting(FieldChange::newValue).last().asString().contains("notes=" + VISIT_NOTE);
    assertThat(stored("select notes from service_order where id = ?", cancelled.id()))
        .startsWith("ENC1.");
    assertThat(stored("select notes from service_order_aud where id = ? and notes is not null",
        cancelled.id())).startsWith("ENC1.");
    assertThat(session.history().verify().intact()).isTrue();
    BackupInfo backup = Backups.backup(config, dir.resolve("backups"), Clock.systemUTC(), null,
        signer);
    closeEngine();
    byte[] rest = atRest();
    byte[] dump = backupContent(backup.file());
    // a cancellation's reason is also the revision's reason (audit_revision.reason), which the
    // engine keeps plain: only the visit's driver notes are checked byte for byte here
    for (String secret : List.of(VISIT_NOTE)) {
      assertThat(contains(rest, secret)).as(secret + " at rest").isFalse();
      assertThat(contains(dump, secret)).as(secret + " in the backup").isFalse();
    }
  }

  @Test
  void orderAndVisitNotesStartingWithTheSealedPrefixAreRefusedNamingTheFieldAndNothingIsWritten()
      throws Exception {
    User driver = session.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));
    EngineFixture.Fleet fleet = EngineFixture.fleet(session);
    EngineFixture.device(session, fleet, "M1", 1, 2);
    for (var product : List.of(fleet.cola(), fleet.water(), fleet.chips())) {
      session.stock().receive(product.id(), 500, "stock");
    }
    ServiceOrder order = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    session.serviceOrders().assign(order.id(), driver.id());
    session.serviceOrders().dispatch(order.id());
    UUID visit = order.visits().get(0).id();
    ServiceOrder other = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    long revisions = count("audit_revision");
    long orderHistory = count("service_order_aud");
    long visitHistory = count("service_visit_aud");

    assertThatThrownBy(() -> session.serviceOrders().completeVisit(order.id(), visit,
        new CompleteVisit(null, false, "ENC1.1.abc.def")))
        .isInstanceOfSatisfying(dev.restock.api.error.ValidationException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("notes");
              assertThat(v.message()).contains("ENC1.").contains("reserved");
            }));
    assertThatThrownBy(() -> session.serviceOrders().cancel(other.id(), "ENC1.2.abc.def"))
        .isInstanceOfSatisfying(dev.restock.api.error.ValidationException.class,
            e -> assertThat(e.violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("notes")));

    assertThat(count("audit_revision")).isEqualTo(revisions);
    assertThat(count("service_order_aud")).isEqualTo(orderHistory);
    assertThat(count("service_visit_aud")).isEqualTo(visitHistory);
    assertThat(stored("select notes from service_order where id = ?", other.id())).isNull();
    assertThat(stored("select notes from service_visit where id = ?", visit)).isNull();
    assertThat(session.serviceOrders().get(other.id()).status()).isEqualTo(other.status());
    assertThat(session.serviceOrders().get(other.id()).notes()).isNull();
    assertThat(session.serviceOrders().get(order.id()).visits().get(0).notes()).isNull();
  }

  /**
   * Notes stored before the prefix was refused (put here by SQL) that start with it are kept:
   * only a change of a note to such a value is refused, so later assign, dispatch and complete
   * still work.
   */
  @Test
  void anUnchangedOldNoteStartingWithTheSealedPrefixDoesNotBlockLaterChanges() throws Exception {
    User driver = session.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));
    EngineFixture.Fleet fleet = EngineFixture.fleet(session);
    EngineFixture.device(session, fleet, "M1", 1, 2);
    for (var product : List.of(fleet.cola(), fleet.water(), fleet.chips())) {
      session.stock().receive(product.id(), 500, "stock");
    }
    ServiceOrder order = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    UUID visit = order.visits().get(0).id();
    String oldOrderNote = "ENC1.old order note";
    String oldVisitNote = "ENC1.old visit note";
    try (Connection c = connect()) {
      for (String[] row : new String[][] {{"service_order", oldOrderNote, order.id().toString()},
          {"service_visit", oldVisitNote, visit.toString()}}) {
        try (PreparedStatement p = c.prepareStatement(
            "update " + row[0] + " set notes = ? where id = ?")) {
          p.setString(1, row[1]);
          p.setString(2, row[2]);
          assertThat(p.executeUpdate()).isOne();
        }
      }
    }
    session.serviceOrders().assign(order.id(), driver.id());
    session.serviceOrders().dispatch(order.id());
    ServiceOrder dispatched = session.serviceOrders().get(order.id());
    assertThat(dispatched.driverId()).isEqualTo(driver.id());
    assertThat(dispatched.notes()).isEqualTo(oldOrderNote);
    assertThat(dispatched.visits().get(0).notes()).isEqualTo(oldVisitNote);
    assertThatThrownBy(() -> session.serviceOrders().completeVisit(order.id(), visit,
        new CompleteVisit(null, false, "ENC1.another note")))
        .isInstanceOf(dev.restock.api.error.ValidationException.class);
  }

  @Test
  void anUpdateThatDoesNotTouchTheEmailLeavesItsStoredValueAsItWas() throws Exception {
    User ann = session.users().create(new CreateUser("ann", ANN, Role.DRIVER));
    String before = stored("select email from app_user where id = ?", ann.id());
    session.users().update(ann.id(), new UpdateUser(null, Role.MANAGER, null));
    assertThat(stored("select email from app_user where id = ?", ann.id())).isEqualTo(before)
        .startsWith("ENC1.");
  }

  @Test
  void noPersonalValueIsInTheDatabasesBytesNorInABackup() throws Exception {
    someHistory();
    assertThat(session.history().verify().intact()).isTrue();
    BackupInfo backup = Backups.backup(config, dir.resolve("backups"), Clock.systemUTC(), null,
        signer);
    closeEngine();
    byte[] rest = atRest();
    byte[] dump = backupContent(backup.file());
    // the check can fail: a value the store keeps plain is found in the same bytes
    assertThat(contains(rest, "Depot")).as("a plain field is found at rest").isTrue();
    assertThat(contains(dump, "Depot")).as("a plain field is found in the backup").isTrue();
    for (String secret : List.of(ANN, ANN2, BOB, ADDRESS, ADDRESS2)) {
      assertThat(contains(rest, secret)).as(secret + " at rest").isFalse();
      assertThat(contains(dump, secret)).as(secret + " in the backup").isFalse();
    }
  }

  @Test
  void theEqualityIndexFindsUsersKeepsLiveEmailsUniqueAndNeverReachesHistory() throws Exception {
    Written w = someHistory();
    try (Store store = JpaStores.of(config.withKeys(keys)).open()) {
      StoreFixture fixture = new StoreFixture(store);
      assertThat(fixture.write(() -> store.users().findByEmail(ANN2)))
          .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(w.ann().id()));
      assertThat(fixture.write(() -> store.users().findByEmail(ANN))).isEmpty();
    }
    assertThatThrownBy(() -> session.users().create(new CreateUser("ann2", ANN2, Role.DRIVER)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("email");
    session.users().delete(w.bob().id());
    User again = session.users().create(new CreateUser("bob2", BOB, Role.DRIVER));
    assertThat(session.users().get(again.id()).email()).isEqualTo(BOB);
    try (Connection c = connect()) {
      assertThat(columns(c, "app_user")).contains("email_hmac");
      assertThat(columns(c, "app_user_aud")).doesNotContain("email_hmac").contains("email");
      assertThat(columns(c, "location_aud")).doesNotContain("address_hmac").contains("address");
    }
  }

  @Test
  void erasureShredsTheUsersKeyAndKeepsTheChainAndAnEarlierProofValid() throws Exception {
    Written w = someHistory();
    UUID ann = w.ann().id();
    Checkpoint before = session.history().checkpoint();
    List<Long> revisions = session.history().history(AuditedType.USER, ann).stream()
        .map(e -> e.info().number()).toList();
    List<InclusionProof> proofs = new ArrayList<>();
    for (long rev : revisions) {
      proofs.add(session.history().prove(rev));
    }
    List<String> wrapped = wrappedKeys("user:" + ann);
    assertThat(wrapped).isNotEmpty();
    String indexBefore = stored("select email_hmac from app_user where id = ?", ann);
    assertThat(indexBefore).isNotNull();

    erase(ann);

    User erased = session.users().get(ann);
    assertThat(erased.email()).isEqualTo(User.erasedEmail(ann));
    assertThat(erased.active()).isFalse();
    assertThat(wrappedKeys("user:" + ann)).isEmpty();
    // both earlier emails read [erased], so the change between them is no longer a change
    assertThat(changes(AuditedType.USER, ann, "email")).containsExactly(
        new FieldChange("email", null, FieldCrypto.ERASED),
        new FieldChange("email", FieldCrypto.ERASED, User.erasedEmail(ann)));
    assertThat(session.users().get(w.bob().id()).email()).isEqualTo(BOB);
    assertThat(session.history().verify().intact()).isTrue();
    for (InclusionProof proof : proofs) {
      assertThat(included(proof, before)).as("revision %d", proof.revisionId()).isTrue();
      Checkpoint now = session.history().checkpoint();
      InclusionProof fresh = session.history().prove(proof.revisionId());
      assertThat(fresh.content()).isEqualTo(proof.content());
      assertThat(included(fresh, now)).isTrue();
    }

    closeEngine();
    // what the erasure changes: the subject's wrapped key and its email's index are gone
    byte[] rest = atRest();
    for (String key : wrapped) {
      assertThat(contains(rest, key)).as("the erased user's wrapped key at rest").isFalse();
    }
    // SQLite keeps a deleted index entry's bytes in its free pages (no secure_delete), so the
    // old HMAC is checked in the tables, not in the file's bytes
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "select count(*) from app_user where email_hmac = ?")) {
      p.setString(1, indexBefore);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        assertThat(r.getLong(1)).as("rows indexed by HMAC of the erased email").isZero();
      }
    }
    openEngine();
    assertThat(changes(AuditedType.USER, ann, "email")).extracting(FieldChange::newValue)
        .containsExactly(FieldCrypto.ERASED, User.erasedEmail(ann));
    User taken = session.users().create(new CreateUser("ann-new", ANN2, Role.DRIVER));
    assertThat(session.users().get(taken.id()).email()).isEqualTo(ANN2);

    BackupInfo backup = Backups.backup(config, dir.resolve("after"), Clock.systemUTC(), null,
        signer);
    byte[] dump = backupContent(backup.file());
    for (String key : wrapped) {
      assertThat(contains(dump, key)).as("the erased user's data key in a new backup").isFalse();
    }
  }

  @Test
  void erasingASoftDeletedUserLeavesTheOldEmailUnfindableAfterARestore() throws Exception {
    User carl = session.users().create(new CreateUser("carl", ANN, Role.DRIVER));
    String oldHmac = stored("select email_hmac from app_user where id = ?", carl.id());
    assertThat(oldHmac).isNotNull();
    session.users().delete(carl.id());

    erase(carl.id());

    assertThat(stored("select email_hmac from app_user where id = ?", carl.id()))
        .isNotEqualTo(oldHmac);
    session.users().restore(carl.id());
    User restored = session.users().get(carl.id());
    assertThat(restored.active()).isFalse();
    assertThat(restored.email()).isEqualTo(User.erasedEmail(carl.id()));
    assertThat(session.users().find(dev.restock.api.query.Criteria.where("email",
            dev.restock.api.query.Criteria.Operator.EQ, ANN),
        dev.restock.api.query.PageRequest.of(0, 10), dev.restock.api.query.Visibility.LIVE)
        .items()).isEmpty();
    try (Store store = JpaStores.of(config.withKeys(keys)).open()) {
      assertThat(new StoreFixture(store).write(() -> store.users().findByEmail(ANN))).isEmpty();
    }
    assertThat(session.history().verify().intact()).isTrue();
  }

  @Test
  void aValueStartingWithTheSealedPrefixIsRefusedNamingTheFieldAndNothingIsWritten()
      throws Exception {
    User ann = session.users().create(new CreateUser("ann", ANN, Role.DRIVER));
    Location depot = session.locations().create(new CreateLocation("Depot", ADDRESS));
    long users = count("app_user");
    long locations = count("location");
    long revisions = count("audit_revision");
    String storedEmail = stored("select email from app_user where id = ?", ann.id());
    assertThatThrownBy(() -> session.users().create(
        new CreateUser("eve", "ENC1.x@example.com", Role.DRIVER)))
        .isInstanceOfSatisfying(dev.restock.api.error.ValidationException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("email");
              assertThat(v.message()).contains("ENC1.").contains("reserved");
            }));
    assertThatThrownBy(() -> session.users().update(ann.id(),
        new UpdateUser("ENC1.y@example.com", null, null)))
        .isInstanceOf(dev.restock.api.error.ValidationException.class)
        .hasMessageContaining("email");
    assertThatThrownBy(() -> session.locations().create(
        new CreateLocation("Fake", "ENC1.1.abc.def")))
        .isInstanceOfSatisfying(dev.restock.api.error.ValidationException.class,
            e -> assertThat(e.violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("address")));
    assertThatThrownBy(() -> session.locations().update(depot.id(),
        new UpdateLocation(null, "ENC1.2.abc.def")))
        .isInstanceOf(dev.restock.api.error.ValidationException.class)
        .hasMessageContaining("address");
    assertThat(count("app_user")).isEqualTo(users);
    assertThat(count("location")).isEqualTo(locations);
    assertThat(count("audit_revision")).isEqualTo(revisions);
    assertThat(stored("select email from app_user where id = ?", ann.id()))
        .isEqualTo(storedEmail);
    assertThat(session.locations().get(depot.id()).address()).isEqualTo(ADDRESS);
  }

  @Test
  void anEqualityIndexCopiedFromAnotherRowFailsTheLookupNamingTheRow() throws Exception {
    User ann = session.users().create(new CreateUser("ann", ANN, Role.DRIVER));
    User bob = session.users().create(new CreateUser("bob", BOB, Role.DRIVER));
    String bobIndex = stored("select email_hmac from app_user where id = ?", bob.id());
    try (Connection c = connect(); PreparedStatement clear = c.prepareStatement(
            "update app_user set email_hmac = null where id = ?");
        PreparedStatement copy = c.prepareStatement(
            "update app_user set email_hmac = ? where id = ?")) {
      clear.setString(1, bob.id().toString());
      assertThat(clear.executeUpdate()).isEqualTo(1);
      copy.setString(1, bobIndex);
      copy.setString(2, ann.id().toString());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }
    closeEngine();
    try (Store store = JpaStores.of(config.withKeys(keys)).open()) {
      assertThatThrownBy(() -> new StoreFixture(store).write(() -> store.users().findByEmail(BOB)))
          .isInstanceOf(dev.restock.jpa.repository.EqualityIndexMismatchException.class)
          .hasMessageContaining("app_user.email_hmac of row " + ann.id())
          .hasMessageContaining("tampered");
    }
  }

  @Test
  void aStoreWithoutKeysRefusesToErase() {
    closeEngine();
    try (Store store = JpaStores.of(config).open()) {
      StoreFixture fixture = new StoreFixture(store);
      User plain = fixture.write(() -> store.users().add(new User(UUID.randomUUID(), "carl",
          "carl@example.com", Role.DRIVER, true, 0, null, null)));
      assertThatThrownBy(() -> fixture.write(() -> {
        store.users().erase(plain.id());
        return null;
      })).isInstanceOf(ErasureNotSupportedException.class)
          .hasMessageContaining("needs a store that encrypts");
      assertThat(fixture.write(() -> store.users().find(plain.id(),
          dev.restock.api.query.Visibility.LIVE)).orElseThrow().email())
          .isEqualTo("carl@example.com");
    }
  }

  @Test
  void anAlteredCiphertextFailsTheReadNamingTheRow() throws Exception {
    Written w = someHistory();
    UUID ann = w.ann().id();
    String live = stored("select email from app_user where id = ?", ann);
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("update app_user set email = ? where id = ?")) {
      p.setString(1, altered(live));
      p.setString(2, ann.toString());
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    assertThatThrownBy(() -> session.users().get(ann))
        .hasStackTraceContaining("app_user.email of row " + ann)
        .hasStackTraceContaining("cannot be decrypted");

    String audited = stored("select email from app_user_aud where id = ? order by rev", ann);
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "update app_user_aud set email = ? where id = ? and email = ?")) {
      p.setString(1, altered(audited));
      p.setString(2, ann.toString());
      p.setString(3, audited);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    assertThatThrownBy(() -> session.history().history(AuditedType.USER, ann))
        .hasStackTraceContaining("app_user.email of row " + ann);
  }

  @Test
  void anEncryptedDatabaseIsRefusedWithoutKeysOrWithoutItsMasterKeyAndNothingIsWritten()
      throws Exception {
    someHistory();
    closeEngine();
    long revisions = count("audit_revision");
    long keysBefore = count("subject_key");
    assertThatThrownBy(() -> JpaStores.of(config).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JpaStoreConfig.withKeys").hasMessageContaining("restock.keys.file");
    KeyFileKeyProvider others = KeyFileKeyProvider.create(dir.resolve("other.properties"), "k9");
    assertThatThrownBy(() -> JpaStores.of(config.withKeys(others)).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("master keys the key provider does not hold: k1");
    assertThat(count("audit_revision")).isEqualTo(revisions);
    assertThat(count("subject_key")).isEqualTo(keysBefore);
  }

  private List<FieldChange> changes(AuditedType type, UUID id, String field) {
    List<FieldChange> out = new ArrayList<>();
    for (HistoryEntry e : session.history().history(type, id)) {
      e.changes().stream().filter(c -> c.field().equals(field)).forEach(out::add);
    }
    return out;
  }

  private String stored(String sql, UUID id) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, id.toString());
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        return r.getString(1);
      }
    }
  }

  private long count(String table) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "select count(*) from " + table); ResultSet r = p.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private List<String> wrappedKeys(String subject) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("select wrapped from subject_key where subject = ?")) {
      p.setString(1, subject);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("select * from " + table + " where 1 = 0");
        ResultSet r = p.executeQuery()) {
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        out.add(r.getMetaData().getColumnLabel(i).toLowerCase());
      }
    }
    return out;
  }

  /** The sealed value with one character of its ciphertext changed. */
  private static String altered(String sealed) {
    assertThat(sealed).startsWith("ENC1.");
    String[] parts = sealed.split("\\.");
    char[] ct = parts[2].toCharArray();
    ct[20] = ct[20] == 'A' ? 'B' : 'A';
    return parts[0] + "." + parts[1] + "." + new String(ct) + "." + parts[3];
  }

  static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** RFC 9162 inclusion of the proof's content under {@code checkpoint}'s root. */
  private static boolean included(InclusionProof proof, Checkpoint checkpoint) throws Exception {
    long fn = proof.seq() - 1;
    long sn = checkpoint.size() - 1;
    if (fn > sn) {
      return false;
    }
    byte[] r = sha(new byte[] {0}, proof.content().getBytes(StandardCharsets.UTF_8));
    for (String hex : proof.auditPath()) {
      byte[] p = HexFormat.of().parseHex(hex);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = sha(new byte[] {1}, p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = sha(new byte[] {1}, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, HexFormat.of().parseHex(checkpoint.rootHash()));
  }

  private static byte[] sha(byte[]... parts) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      d.update(p);
    }
    return d.digest();
  }
}
