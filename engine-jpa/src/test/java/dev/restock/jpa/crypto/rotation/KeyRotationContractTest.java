package dev.restock.jpa.crypto.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import dev.restock.jpa.crypto.KeyRotation;
import dev.restock.jpa.crypto.KeyRotationException;
import dev.restock.jpa.testing.TestSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Master-key rotation of encrypted personal fields (issue 20) on each database: every value,
 * live and history, ends under data keys of the new master key, reads the same, keeps the chain
 * and earlier proofs, survives SIGKILL mid-way, concurrent writers and a second rotation.
 *
 * <p>{@code -Drestock.rotation.users=N} and {@code -Drestock.rotation.kills=K} make the kill
 * test longer (defaults 150 users, 2 kills).
 */
abstract class KeyRotationContractTest {
  private static final int USERS = Integer.getInteger("restock.rotation.users", 150);
  private static final int KILLS = Integer.getInteger("restock.rotation.kills", 2);

  @TempDir Path dir;
  private final TestSigner signer = TestSigner.generate();
  private Path keyFile;
  private String oldKek;
  protected JpaStoreConfig config;
  private Restock engine;
  private RestockSession session;
  /** Every email and address written, in order, by user and location id. */
  private final Map<UUID, List<String>> emails = new ConcurrentHashMap<>();
  private final Map<UUID, List<String>> addresses = new ConcurrentHashMap<>();

  /** A configuration (without keys) of a new, empty database of this kind under {@code dir}. */
  protected abstract JpaStoreConfig newDatabase(Path dir);

  /** Drops it. */
  protected abstract void dropDatabase();

  @BeforeEach
  void open() throws Exception {
    keyFile = dir.resolve("keys.properties");
    KeyFileKeyProvider.create(keyFile);
    oldKek = properties(keyFile).getProperty("current");
    config = newDatabase(dir);
    openEngine();
  }

  @AfterEach
  void close() {
    closeEngine();
    dropDatabase();
  }

  private JpaStoreConfig withKeys() {
    return config.withKeys(KeyFileKeyProvider.load(keyFile));
  }

  private void openEngine() {
    engine = RestockEngine.builder().store(JpaStores.of(withKeys()))
        .checkpointSigner(signer).checkpointEvery(0, null).build();
    session = engine.as(Actor.system());
  }

  private void closeEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  private void write(int users, int locations) {
    for (int i = 0; i < users; i++) {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      User u = session.users().create(new CreateUser("u-" + tag, tag + ".a@example.com",
          Role.DRIVER));
      session.users().update(u.id(), new UpdateUser(tag + ".b@example.com", null, null));
      emails.put(u.id(), List.of(tag + ".a@example.com", tag + ".b@example.com"));
    }
    for (int i = 0; i < locations; i++) {
      Location l = session.locations().create(new CreateLocation("L" + i, "Street " + i));
      session.locations().update(l.id(), new UpdateLocation(null, "Road " + i));
      addresses.put(l.id(), List.of("Street " + i, "Road " + i));
    }
  }

  /** Every value written reads back, live and in history. */
  private void everyValueReads() {
    emails.forEach((id, written) -> {
      assertThat(session.users().get(id).email()).isEqualTo(written.get(written.size() - 1));
      assertThat(newValues(AuditedType.USER, id, "email")).isEqualTo(written);
    });
    addresses.forEach((id, written) -> {
      assertThat(session.locations().get(id).address())
          .isEqualTo(written.get(written.size() - 1));
      assertThat(newValues(AuditedType.LOCATION, id, "address")).isEqualTo(written);
    });
  }

  private List<String> newValues(AuditedType type, UUID id, String field) {
    List<String> out = new ArrayList<>();
    for (HistoryEntry e : session.history().history(type, id)) {
      e.changes().stream().filter(c -> c.field().equals(field)).forEach(c -> out.add(c.newValue()));
    }
    return out;
  }

  private Map<String, Integer> keysByKek() throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select kek_id, count(*) from subject_key group by kek_id")) {
      while (r.next()) {
        out.put(r.getString(1), r.getInt(2));
      }
    }
    return out;
  }

  /** Sealed values (live and history) naming a data key that is not in subject_key. */
  private long valuesWithoutKey() throws SQLException {
    long n = 0;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String[] t : new String[][] {{"app_user", "email"}, {"app_user_aud", "email"},
          {"location", "address"}, {"location_aud", "address"}}) {
        try (ResultSet r = s.executeQuery("select " + t[1] + " from " + t[0] + " where " + t[1]
            + " like 'ENC1.%'")) {
          List<Integer> ids = new ArrayList<>();
          while (r.next()) {
            String v = r.getString(1);
            ids.add(Integer.parseInt(v.substring(5, v.indexOf('.', 5))));
          }
          try (PreparedStatement k = c.prepareStatement(
              "select count(*) from subject_key where id = ?")) {
            for (int id : ids) {
              k.setInt(1, id);
              try (ResultSet found = k.executeQuery()) {
                found.next();
                n += found.getLong(1) == 0 ? 1 : 0;
              }
            }
          }
        }
      }
    }
    return n;
  }

  /** The rotation's audit events as "action details", oldest first. */
  private List<String> rotationEvents() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "select action, details from audit_log where resource_type = 'master-key' order by id")) {
      while (r.next()) {
        out.add(r.getString(1) + " " + r.getString(2));
      }
    }
    return out;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
  }

  private static Properties properties(Path file) throws Exception {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  /** The key file without the old master key. */
  private Path withoutOldKey() throws Exception {
    Properties p = properties(keyFile);
    p.remove("key." + oldKek);
    Path out = dir.resolve("new-keys.properties");
    try (var o = Files.newOutputStream(out)) {
      p.store(o, null);
    }
    return out;
  }

  private void endState(String newKek) throws Exception {
    assertThat(keysByKek()).containsOnlyKeys(newKek);
    assertThat(valuesWithoutKey()).isZero();
    everyValueReads();
    assertThat(session.history().verify().intact()).isTrue();
    // live and _aud copies now differ in nonce only: no drift
    assertThat(session.history().liveDrift()).isEmpty();
    closeEngine();
    keyFile = withoutOldKey();
    openEngine();
    everyValueReads();
    assertThat(session.history().verify().intact()).isTrue();
  }

  @Test
  void rotationReencryptsEveryValueAndKeepsTheChainAndEarlierProofs() throws Exception {
    write(5, 3);
    Checkpoint before = session.history().checkpoint();
    List<InclusionProof> proofs = new ArrayList<>();
    for (UUID id : emails.keySet()) {
      for (HistoryEntry e : session.history().history(AuditedType.USER, id)) {
        proofs.add(session.history().prove(e.info().number()));
      }
    }
    closeEngine();
    KeyFileKeyProvider.addKey(keyFile, "k2");
    assertThat(keysByKek()).containsOnlyKeys(oldKek);

    KeyRotation.Result result;
    List<KeyRotation.Progress> seen = new ArrayList<>();
    try (JpaStore store = JpaStore.open(withKeys())) {
      assertThat(store.keyRotation().status().rotationNeeded()).isTrue();
      result = store.keyRotation().run(Actor.system(), "yearly rotation", 3, seen::add);
      assertThat(store.keyRotation().status().rotationNeeded()).isFalse();
    }
    // a new key for each subject with an old one, and every old one gone
    assertThat(result.newDataKeys()).isEqualTo(result.oldDataKeysDeleted());
    // live 5 + history 10 emails, live 3 + history 6 addresses
    assertThat(result.rowsReencrypted()).isEqualTo(24);
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(seen.size() - 1).rowsLeftEstimate()).isZero();

    openEngine();
    for (InclusionProof proof : proofs) {
      Checkpoint now = session.history().checkpoint();
      InclusionProof fresh = session.history().prove(proof.revisionId());
      assertThat(fresh.content()).isEqualTo(proof.content());
      assertThat(included(proof, before)).isTrue();
      assertThat(included(fresh, now)).isTrue();
    }
    List<String> events = rotationEvents();
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).startsWith("keys.rotate-start ");
    assertThat(events.get(1)).startsWith("keys.rotate-finish ")
        .contains("\"rowsReencrypted\":\"24\"").contains("yearly rotation");
    endState("k2");
  }

  @Test
  void aRotationKilledWithSigkillMidWayResumesWithNothingLost() throws Exception {
    write(USERS, USERS / 3);
    closeEngine();
    KeyFileKeyProvider.addKey(keyFile, "k2");
    for (int kill = 0; kill < KILLS; kill++) {
      Path err = Files.createTempFile(dir, "rotate-", ".err");
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), RotationProcess.class.getName(),
          config.jdbcUrl(), String.valueOf(config.user()), String.valueOf(config.password()),
          keyFile.toString(), "7")
          .redirectError(err.toFile()).start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
      int batchesWithWork = 0;
      String line;
      boolean killed = false;
      while ((line = out.readLine()) != null) {
        String[] p = line.split(" ");
        assertThat(p[0]).as(() -> read(err)).isEqualTo("progress");
        long reencrypted = Long.parseLong(p[1]);
        long left = Long.parseLong(p[2]);
        if (reencrypted > 0 && left > 0 && ++batchesWithWork == 3 + kill) {
          in.write("go\n");
          in.flush();
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block
          killed = true;
          break;
        }
        in.write("go\n");
        in.flush();
      }
      assertThat(killed).as(() -> "the child ended before it was killed: " + read(err)).isTrue();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

      openEngine();
      everyValueReads(); // mixed old and new data keys
      // the old keys stay until the end (H2 may lose its last half second of commits to a kill)
      assertThat(keysByKek()).containsKey(oldKek);
      closeEngine();
    }
    try (JpaStore store = JpaStore.open(withKeys())) {
      store.keyRotation().run(Actor.system(), "resume after kill", 50, null);
    }
    openEngine();
    endState("k2");
  }

  @Test
  void writersDuringRotationEndUnderTheNewKeys() throws Exception {
    write(20, 5);
    closeEngine();
    KeyFileKeyProvider.addKey(keyFile, "k2");
    openEngine();
    List<UUID> locations = new ArrayList<>(addresses.keySet());
    try (JpaStore store = JpaStore.open(withKeys())) {
      KeyRotation.Handle handle = store.keyRotation().start(Actor.system(), "with writers", 2);
      AtomicBoolean stop = new AtomicBoolean();
      List<Throwable> failures = new ArrayList<>();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int n = w;
        writers.add(new Thread(() -> {
          try {
            for (int i = 0; i < 15 || !stop.get(); i++) {
              String tag = "w" + n + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
              User u = session.users().create(new CreateUser(tag, tag + "@example.com",
                  Role.DRIVER));
              emails.put(u.id(), List.of(tag + "@example.com"));
              if (n == 0) {
                UUID l = locations.get(i % locations.size());
                synchronized (addresses) {
                  session.locations().update(l, new UpdateLocation(null, "Moved " + tag));
                  List<String> all = new ArrayList<>(addresses.get(l));
                  all.add("Moved " + tag);
                  addresses.put(l, all);
                }
              }
            }
          } catch (Throwable t) {
            synchronized (failures) {
              failures.add(t);
            }
          }
        }));
      }
      writers.forEach(Thread::start);
      KeyRotation.Result result = handle.await();
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
      assertThat(failures).isEmpty();
      assertThat(result.oldDataKeysDeleted()).isPositive();
    }
    assertThat(keysByKek()).containsOnlyKeys("k2");
    assertThat(valuesWithoutKey()).isZero();
    everyValueReads();
    assertThat(session.history().verify().intact()).isTrue();
  }

  @Test
  void aSecondRotationWhileOneRunsIsRefusedAndTheFirstEndsCorrect() throws Exception {
    write(10, 2);
    closeEngine();
    KeyFileKeyProvider.addKey(keyFile, "k2");
    CountDownLatch firstBatch = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (JpaStore a = JpaStore.open(withKeys()); JpaStore b = JpaStore.open(withKeys())) {
      Thread first = new Thread(() -> a.keyRotation().run(Actor.system(), "first", 2, p -> {
        firstBatch.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      first.start();
      firstBatch.await();
      assertThatThrownBy(() -> b.keyRotation().run(Actor.system(), "second", 2, null))
          .isInstanceOf(KeyRotationException.class).hasMessageContaining("already running");
      assertThatThrownBy(() -> a.keyRotation().start(Actor.system(), "third"))
          .isInstanceOf(KeyRotationException.class).hasMessageContaining("already running");
      release.countDown();
      first.join();
      // once it has ended, another may run (and finds nothing left)
      assertThat(b.keyRotation().run(Actor.system(), "again", 2, null).rowsReencrypted())
          .isZero();
    }
    openEngine();
    endState("k2");
  }

  @Test
  void valuesThatAreNotWellFormedSealedValuesAreLeftAsTheyAreNeverNulled() throws Exception {
    write(1, 3);
    closeEngine();
    List<UUID> ids = new ArrayList<>(addresses.keySet());
    int storeKey = storeDataKey();
    // merely starting like a sealed value (another case; a malformed body) under the old key
    String lower = "enc1." + storeKey + ".looks-sealed-but-is-not";
    String malformed = "ENC1." + storeKey + ".not-a-ciphertext.short";
    KeyFileKeyProvider.addKey(keyFile, "k2");

    try (JpaStore store = JpaStore.open(withKeys())) {
      // written behind the open store's back: a store opening with keys seals values that are
      // not well-formed sealed values as plain ones (SealExisting), so they are set after the open
      setAddress(ids.get(0), lower);
      setAddress(ids.get(1), malformed);
      store.keyRotation().run(Actor.system(), "yearly rotation", 2, null);
    }

    assertThat(address(ids.get(0))).isEqualTo(lower);
    assertThat(address(ids.get(1))).isEqualTo(malformed);
    assertThat(keysByKek()).containsOnlyKeys("k2");
  }

  @Test
  void anAlteredSealedValueStopsTheRotationNamingItsRowAndNoKeyIsDeleted() throws Exception {
    write(1, 2);
    closeEngine();
    UUID altered = addresses.keySet().iterator().next();
    String sealed = address(altered);
    int body = sealed.indexOf('.', 5) + 3;
    char flipped = sealed.charAt(body) == 'A' ? 'B' : 'A';
    String tampered = sealed.substring(0, body) + flipped + sealed.substring(body + 1);
    setAddress(altered, tampered);
    KeyFileKeyProvider.addKey(keyFile, "k2");

    try (JpaStore store = JpaStore.open(withKeys())) {
      assertThatThrownBy(() -> store.keyRotation().run(Actor.system(), "yearly", 2, null))
          .isInstanceOf(KeyRotationException.class)
          .hasMessageContaining("location.address of row " + altered);
    }
    assertThat(address(altered)).isEqualTo(tampered);
    assertThat(keysByKek()).containsKey(oldKek);
  }

  /**
   * The final scan re-encrypts values still under an older master key's data key (a writer
   * that began before the new keys existed) and refuses an altered one, deleting no key: here
   * the altered value is written, through the listener, once the batch walk is past its table,
   * so only the final scan meets it.
   */
  @Test
  void anAlteredValueLeftUnderAnOldKeyAfterTheWalkStopsTheFinalScanAndNoKeyIsDeleted()
      throws Exception {
    write(1, 2);
    closeEngine();
    UUID altered = addresses.keySet().iterator().next();
    String sealed = address(altered);
    int body = sealed.indexOf('.', 5) + 3;
    char flipped = sealed.charAt(body) == 'A' ? 'B' : 'A';
    String tampered = sealed.substring(0, body) + flipped + sealed.substring(body + 1);
    KeyFileKeyProvider.addKey(keyFile, "k2");
    List<String> walkedPast = new ArrayList<>();
    KeyRotation.Listener listener = progress -> {
      if (progress.tablesDone() == progress.tables() - 1) { // the last table: location is done
        try {
          setAddress(altered, tampered);
          walkedPast.add(progress.table());
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };

    try (JpaStore store = JpaStore.open(withKeys())) {
      assertThatThrownBy(() -> store.keyRotation().run(Actor.system(), "yearly", 2, listener))
          .isInstanceOf(KeyRotationException.class)
          .hasMessageContaining("location.address of row " + altered)
          .hasMessageContaining("restore the row from a backup or clear the value");
    }
    assertThat(walkedPast).isNotEmpty().doesNotContain("done");
    assertThat(address(altered)).isEqualTo(tampered);
    assertThat(keysByKek()).containsKey(oldKek);
  }

  /** A history row cannot be cleared without breaking the chain: the refusal says restore it. */
  @Test
  void anAlteredHistoryValueStopsTheRotationAdvisingARestoreFromABackup() throws Exception {
    write(1, 2);
    closeEngine();
    UUID altered = addresses.keySet().iterator().next();
    String sealed;
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "select address from location_aud where id = ? and address like 'ENC1.%'")) {
      p.setString(1, altered.toString());
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        sealed = r.getString(1);
      }
    }
    int body = sealed.indexOf('.', 5) + 3;
    char flipped = sealed.charAt(body) == 'A' ? 'B' : 'A';
    String tampered = sealed.substring(0, body) + flipped + sealed.substring(body + 1);
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "update location_aud set address = ? where id = ? and address = ?")) {
      p.setString(1, tampered);
      p.setString(2, altered.toString());
      p.setString(3, sealed);
      assertThat(p.executeUpdate()).isPositive();
    }
    KeyFileKeyProvider.addKey(keyFile, "k2");

    try (JpaStore store = JpaStore.open(withKeys())) {
      assertThatThrownBy(() -> store.keyRotation().run(Actor.system(), "yearly", 2, null))
          .isInstanceOf(KeyRotationException.class)
          .hasMessageContaining("location_aud.address of row " + altered)
          .hasMessageContaining("history row").hasMessageContaining("restore it from a backup")
          .message().doesNotContain("clear the value");
    }
    assertThat(keysByKek()).containsKey(oldKek);
  }

  private int storeDataKey() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r =
        s.executeQuery("select min(id) from subject_key where subject = 'store'")) {
      r.next();
      return r.getInt(1);
    }
  }

  private void setAddress(UUID location, String value) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "update location set address = ? where id = ?")) {
      p.setString(1, value);
      p.setString(2, location.toString());
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
  }

  private String address(UUID location) throws SQLException {
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
        "select address from location where id = ?")) {
      p.setString(1, location.toString());
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        return r.getString(1);
      }
    }
  }

  @Test
  void rotationWithoutAReasonIsRefusedAndWritesNothing() throws Exception {
    write(2, 0);
    closeEngine();
    KeyFileKeyProvider.addKey(keyFile, "k2");
    try (JpaStore store = JpaStore.open(withKeys())) {
      assertThatThrownBy(() -> store.keyRotation().run(Actor.system(), " ", 0, null))
          .isInstanceOf(KeyRotationException.class)
          .hasMessageContaining("reason is missing").hasMessageContaining("batch size 0");
    }
    assertThat(keysByKek()).containsOnlyKeys(oldKek);
    openEngine();
    assertThat(rotationEvents()).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
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
