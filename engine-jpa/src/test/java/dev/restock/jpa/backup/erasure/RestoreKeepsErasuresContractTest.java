package dev.restock.jpa.backup.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupException;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.backup.RestoreResult;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.testing.TestSigner;
import dev.restock.plugin.tck.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: restoring a backup taken before an erasure keeps the erased person erased, whether
 * the erasure is read from the database being replaced or given by the operator.
 */
abstract class RestoreKeepsErasuresContractTest {
  static final String ANN = "ann.restore-secret@example.com";
  static final String BOB = "bob.restore-kept@example.org";

  @TempDir Path dir;
  final TestSigner signer = TestSigner.generate();
  private KeyFileKeyProvider keys;
  FreshDatabase source;
  JpaStoreConfig config;
  User ann;
  private User bob;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    source = database().fresh();
    keys = KeyFileKeyProvider.create(dir.resolve("restock.keys"));
    config = source.config().withKeys(keys);
    try (Restock engine = engine(config)) {
      var session = engine.as(Actor.system());
      session.users().create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
      ann = session.users().create(new CreateUser("ann", ANN, Role.DRIVER));
      bob = session.users().create(new CreateUser("bob", BOB, Role.DRIVER));
    }
  }

  @AfterEach
  void close() {
    source.close();
  }

  @Test
  void restoringAnOlderBackupOverTheDatabaseKeepsTheErasedUserErased() throws Exception {
    BackupInfo before = Backups.backup(config, dir.resolve("b"), Clock.systemUTC(), null, signer);
    erase(config, ann.id());
    Object erasedAt = erasedAt(source, ann.id());

    RestoreResult result = Backups.restore(before.file(), config,
        trusted().withReplace(true));

    assertThat(result.erasuresCarried()).isEqualTo(1);
    assertThat(result.activeErasedUsers()).containsExactly(ann.id());
    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains(ann.id().toString()));
    assertErased(source, config, ann.id());
    assertThat(erasedAt(source, ann.id())).isEqualTo(erasedAt);
  }

  @Test
  void restoringIntoAnEmptyTargetCarriesTheErasuresTheOperatorGives() throws Exception {
    BackupInfo before = Backups.backup(config, dir.resolve("b"), Clock.systemUTC(), null, signer);
    try (FreshDatabase target = database().restoreTarget(source)) {
      JpaStoreConfig targetConfig = target.config().withKeys(keys);
      RestoreResult result = Backups.restore(before.file(), targetConfig,
          trusted().withErasedSubjects(Set.of("user:" + ann.id())));

      assertThat(result.erasuresCarried()).isEqualTo(1);
      assertThat(result.activeErasedUsers()).containsExactly(ann.id());
      assertErased(target, targetConfig, ann.id());
    }
  }

  /**
   * A backup whose schema is another release's (here: a later one) is restored, as before the
   * erasures were recorded in the history, with its chain unverified and a warning: the carried
   * erasures are applied, but no store is opened on the copy to record them (it would refuse
   * the schema), and a warning says they are not recorded.
   */
  @Test
  void aBackupOfAnotherReleasesSchemaIsRestoredWithTheErasuresAppliedAndWarnings()
      throws Exception {
    try (Connection c = source.connect(); PreparedStatement p = c.prepareStatement(
        "insert into \"restock_schema_history\" (\"installed_rank\", \"version\","
            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
            + " \"execution_time\", \"success\") values (99, '99', 'from the future', 'SQL',"
            + " 'V99__future.sql', 0, 'test', 0, ?)")) {
      p.setBoolean(1, true);
      p.executeUpdate();
    }
    BackupInfo newer = Backups.backup(config, dir.resolve("b"), Clock.systemUTC(), null, signer);
    try (FreshDatabase target = database().restoreTarget(source)) {
      RestoreResult result = Backups.restore(newer.file(), target.config().withKeys(keys),
          trusted().withErasedSubjects(Set.of("user:" + ann.id())));

      assertThat(result.erasuresCarried()).isEqualTo(1);
      assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
          .contains("history chain not verified"));
      assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
          .contains(ann.id().toString()).contains("not recorded in its history"));
      try (Connection c = target.connect()) {
        assertThat(count(c, "select count(*) from subject_key where subject = ?",
            "user:" + ann.id())).isZero();
        assertThat(count(c, "select count(*) from erased_subject where subject = ?",
            "user:" + ann.id())).isEqualTo(1);
        assertThat(count(c, "select count(*) from audit_log where action = ?", "user.erase"))
            .isZero();
      }
    }
  }

  @Test
  void badErasedSubjectsAreRefusedNamingEachAndNothingIsWritten() throws Exception {
    BackupInfo before = Backups.backup(config, dir.resolve("b"), Clock.systemUTC(), null, signer);
    try (FreshDatabase target = database().restoreTarget(source)) {
      assertThatThrownBy(() -> Backups.restore(before.file(), target.config().withKeys(keys),
          trusted().withErasedSubjects(Set.of("user:" + ann.id(), "user:nope", "store"))))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("user:nope").hasMessageContaining("'store'")
          .message().doesNotContain(ann.id().toString());
      try (Connection c = target.connect(); ResultSet r = c.getMetaData().getTables(null, null,
          "%", new String[] {"TABLE"})) {
        List<String> tables = new ArrayList<>();
        while (r.next()) {
          if (!"INFORMATION_SCHEMA".equalsIgnoreCase(r.getString("TABLE_SCHEM"))
              && !"pg_catalog".equals(r.getString("TABLE_SCHEM"))) {
            tables.add(r.getString("TABLE_NAME"));
          }
        }
        assertThat(tables).as("nothing written into the target").isEmpty();
      }
    }
  }

  private void assertErased(FreshDatabase db, JpaStoreConfig withKeys, UUID id) throws Exception {
    try (Connection c = db.connect()) {
      assertThat(count(c, "select count(*) from subject_key where subject = ?", "user:" + id))
          .isZero();
      assertThat(count(c, "select count(*) from subject_key where subject = ?",
          "user:" + bob.id())).isPositive();
      assertThat(count(c, "select count(*) from erased_subject where subject = ?", "user:" + id))
          .isEqualTo(1);
      assertThat(count(c, "select count(*) from app_user where id = ? and email_hmac is null",
          id.toString())).isEqualTo(1);
    }
    try (Restock restored = engine(withKeys)) {
      var r = restored.as(Actor.system());
      assertThat(r.users().get(id).email()).isEqualTo(User.erasedEmail(id));
      assertThat(r.users().get(bob.id()).email()).isEqualTo(BOB);
      assertThat(r.history().history(AuditedType.USER, id).toString()).doesNotContain(ANN)
          .contains(FieldCrypto.ERASED);
      assertThat(r.history().verify().intact()).isTrue();
    }
    try (Store store = JpaStores.of(withKeys).open()) {
      StoreFixture fixture = new StoreFixture(store);
      assertThat(fixture.write(() -> store.users().findByEmail(ANN))).isEmpty();
      assertThat(fixture.write(() -> store.users().findByEmail(BOB))).isPresent();
    }
  }

  RestoreOptions trusted() {
    return RestoreOptions.trusting(signer.publicKey());
  }

  private static Restock engine(JpaStoreConfig config) {
    return RestockEngine.builder().store(JpaStores.of(config)).build();
  }

  /** Erases through the use case: verify asks for its chained {@code user.erase} revision. */
  static void erase(JpaStoreConfig config, UUID userId) {
    try (Restock engine = engine(config)) {
      engine.as(Actor.system()).users().erase(userId, "erasure request");
    }
  }

  private static Object erasedAt(FreshDatabase db, UUID id) throws Exception {
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "select erased_at from erased_subject where subject = ?")) {
      p.setString(1, "user:" + id);
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        return r.getTimestamp(1);
      }
    }
  }

  private static long count(Connection c, String sql, String value) throws Exception {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, value);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
