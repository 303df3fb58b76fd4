package dev.restock.jpa.crypto.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure (issue 20) against SIGKILL, on each database: a child JVM ({@link ErasureProcess})
 * erases users one by one and reports each erasure after its commit; the parent kills it at a
 * random moment, restarts it (it continues with the users not yet erased) and kills it again.
 * Afterwards every user is either fully erased (placeholder, no data key, an {@code
 * erased_subject} row, exactly one {@code user.erase} revision and event, the old email found by
 * nobody) or untouched (email, key and index as before, no trace of an erasure); every erasure the
 * child reported is there; the chain verifies and live rows do not drift from history. Finally
 * the remaining users are erased in-process and all of them end erased.
 *
 * <p>Short mode (CI): {@value #DEFAULT_USERS} users, {@value #DEFAULT_KILLS} kills. Long mode:
 * {@code mvn -B -o verify -pl engine-jpa -am -Dtest='SqliteErasureKillTest'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false
 * -Drestock.erasure.kills=20 -Drestock.erasure.users=300}. Each kill is preceded by a random
 * number of reported erasures (spread so that the kills fit the users) and a random delay of up
 * to {@value #MAX_DELAY_MS} ms; the seed is printed, and {@code -Drestock.erasure.seed=S} replays
 * the choice of kill points (the moment itself still depends on timing).
 */
abstract class ErasureKillContractTest {
  static final int DEFAULT_USERS = 40;
  static final int DEFAULT_KILLS = 2;
  static final int MAX_DELAY_MS = 40;
  private static final int USERS = Integer.getInteger("restock.erasure.users", DEFAULT_USERS);
  private static final int KILLS = Integer.getInteger("restock.erasure.kills", DEFAULT_KILLS);
  private static final long SEED = Long.getLong("restock.erasure.seed", System.nanoTime());

  @TempDir Path dir;
  private Path keyFile;
  protected JpaStoreConfig config;
  /** Each user's email, in erasure order. */
  private final Map<UUID, String> emails = new LinkedHashMap<>();
  private final Map<UUID, String> usernames = new LinkedHashMap<>();
  private User admin;

  /** A configuration (without keys) of a new, empty database of this kind under {@code dir}. */
  protected abstract JpaStoreConfig newDatabase(Path dir);

  /** Drops it. */
  protected abstract void dropDatabase();

  @BeforeEach
  void open() {
    keyFile = dir.resolve("keys.properties");
    KeyFileKeyProvider.create(keyFile);
    config = newDatabase(dir);
  }

  @AfterEach
  void close() {
    dropDatabase();
  }

  private JpaStoreConfig withKeys() {
    return config.withKeys(KeyFileKeyProvider.load(keyFile));
  }

  private Restock engine() {
    return RestockEngine.builder().store(JpaStores.of(withKeys())).build();
  }

  @Test
  void erasuresKilledWithSigkillAreAllOrNothingAndEveryReportedOneStays() throws Exception {
    System.out.printf("%s: %d users, %d kills, seed %d (-Drestock.erasure.seed=%d)%n",
        getClass().getSimpleName(), USERS, KILLS, SEED, SEED);
    Random random = new Random(SEED);
    try (Restock engine = engine()) {
      RestockSession system = engine.as(Actor.system());
      admin = system.users().create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
      for (int i = 0; i < USERS; i++) {
        String tag = "p" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
        User u = system.users().create(new CreateUser(tag, tag + "@example.com", Role.DRIVER));
        emails.put(u.id(), u.email());
        usernames.put(u.id(), u.username());
      }
    }
    Path ids = dir.resolve("ids.txt");
    Files.write(ids, emails.keySet().stream().map(UUID::toString).toList());

    Set<UUID> reported = new HashSet<>();
    int killed = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      String seen = "seed " + SEED + ", kill " + (kill + 1);
      Path err = Files.createTempFile(dir, "erase-", ".err");
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ErasureProcess.class.getName(),
          config.jdbcUrl(), String.valueOf(config.user()), String.valueOf(config.password()),
          keyFile.toString(), admin.id().toString(), ids.toString())
          .redirectError(err.toFile()).start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as(() -> seen + ": " + read(err)).startsWith("ready ");
      int left = Integer.parseInt(first.substring("ready ".length()));
      // spread the kills over the users left: wait for 0..2*left/(kills left + 1) erasures
      int after = random.nextInt(Math.max(1, 2 * left / (KILLS - kill + 1)));
      int delay = random.nextInt(MAX_DELAY_MS + 1);
      int erasedNow = 0;
      String line = null;
      while (erasedNow < after && (line = out.readLine()) != null && line.startsWith("erased ")) {
        reported.add(UUID.fromString(line.substring("erased ".length())));
        erasedNow++;
      }
      if (erasedNow == after) {
        Thread.sleep(delay);
        // SIGKILL (no shutdown hook, no finally block) through the handle, which unlike
        // Process.destroyForcibly leaves the pipe open, so what the child printed still reads
        child.toHandle().destroyForcibly();
        killed++;
      }
      // what the child printed before it died was printed after a commit
      while ((line = out.readLine()) != null) {
        if (line.startsWith("erased ")) {
          reported.add(UUID.fromString(line.substring("erased ".length())));
        }
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(seen).isTrue();
      System.out.printf("kill %d: %d users left, killed after %d reported erasures + %d ms%n",
          kill + 1, left, erasedNow, delay);
      allOrNothing(reported, seen);
    }
    assertThat(killed).as("kills that hit a running child").isPositive();

    // the rest, in-process: a killed erasure leaves nothing that stops a later one
    try (Restock engine = engine()) {
      RestockSession session = engine.as(Actor.user(admin.id()));
      for (UUID id : emails.keySet()) {
        if (!session.users().get(id).erased()) {
          session.users().erase(id, "erasure request of " + usernames.get(id));
        }
      }
    }
    assertThat(allOrNothing(reported, "after the rest")).isEqualTo(USERS);
  }

  /**
   * Checks every user on a freshly opened store and returns how many are erased.
   */
  private int allOrNothing(Set<UUID> reported, String seen) throws Exception {
    Set<UUID> erased = new HashSet<>();
    try (Restock engine = engine()) {
      RestockSession session = engine.as(Actor.user(admin.id()));
      List<AuditEvent> events = session.history().events(null, Instant.EPOCH);
      for (Map.Entry<UUID, String> e : emails.entrySet()) {
        UUID id = e.getKey();
        String as = seen + ", user " + usernames.get(id) + " " + id;
        User u = session.users().get(id);
        long revisions = session.history().history(AuditedType.USER, id).stream()
            .filter(h -> h.info().action().equals("user.erase")).count();
        long logged = events.stream().filter(ev -> ev.action().equals("user.erase")
            && id.equals(ev.resourceId())).count();
        if (u.erased()) {
          erased.add(id);
          assertThat(u.email()).as(as).isEqualTo(User.erasedEmail(id));
          assertThat(u.active()).as(as).isFalse();
          assertThat(count("select count(*) from subject_key where subject = ?", "user:" + id))
              .as(as + ": data keys left").isZero();
          assertThat(count("select count(*) from erased_subject where subject = ?", "user:" + id))
              .as(as + ": erased_subject rows").isEqualTo(1);
          assertThat(revisions).as(as + ": user.erase revisions").isEqualTo(1);
          assertThat(logged).as(as + ": user.erase events").isEqualTo(1);
        } else {
          assertThat(reported).as(as + ": reported erased after its commit").doesNotContain(id);
          assertThat(u.email()).as(as).isEqualTo(e.getValue());
          assertThat(u.active()).as(as).isTrue();
          assertThat(count("select count(*) from subject_key where subject = ?", "user:" + id))
              .as(as + ": data keys").isPositive();
          assertThat(count("select count(*) from erased_subject where subject = ?", "user:" + id))
              .as(as + ": erased_subject rows").isZero();
          assertThat(revisions).as(as + ": user.erase revisions").isZero();
          assertThat(logged).as(as + ": user.erase events").isZero();
        }
      }
      assertThat(session.history().verify().intact()).as(seen + ": chain").isTrue();
      assertThat(session.history().liveDrift()).as(seen + ": live drift").isEmpty();
    }
    try (Store store = JpaStores.of(withKeys()).open()) {
      for (Map.Entry<UUID, String> e : emails.entrySet()) {
        UUID id = e.getKey();
        var found = store.transactions().read(() -> store.users().findByEmail(e.getValue()));
        if (erased.contains(id)) {
          assertThat(found).as(seen + ": the erased email of " + id).isEmpty();
        } else {
          assertThat(found).as(seen + ": the email of " + id).map(User::id).contains(id);
        }
      }
    }
    System.out.printf("%s: %d erased (%d reported), %d untouched%n", seen, erased.size(),
        reported.size(), USERS - erased.size());
    return erased.size();
  }

  private long count(String sql, String subject) throws SQLException {
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
            config.password());
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, subject);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
