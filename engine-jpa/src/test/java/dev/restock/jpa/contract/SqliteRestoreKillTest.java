package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.testing.TestSigner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore killed with SIGKILL at random moments leaves the target either the old database or
 * the new one, each whole: never malformed, never half of each, never a stale sidecar replayed.
 */
class SqliteRestoreKillTest {
  private static final int KILLS = 6;
  private static final List<String> OLD = List.of("OLD");
  private static final List<String> NEW = List.of("NEW-1", "NEW-2", "NEW-3");

  @TempDir Path dir;

  @Test
  void aRestoreKilledAtAnyMomentLeavesTheOldOrTheNewDatabaseWhole() throws Exception {
    TestSigner signer = TestSigner.generate();
    Path source = dir.resolve("source.db");
    BackupInfo backup;
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(source)).build()) {
      for (String sku : NEW) {
        engine.as(Actor.system()).products().create(
            new CreateProduct(sku, "New", "X", BigDecimal.ONE, 1));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
        Statement s = c.createStatement()) {
      // incompressible ballast, so that copying the file takes long enough to be killed in
      s.execute("create table ballast (b blob)");
      s.execute("insert into ballast select randomblob(100000) from "
          + "(with recursive n(i) as (select 1 union all select i + 1 from n where i < 40) "
          + "select i from n)");
    }
    backup = Backups.backup(JpaStoreConfig.of("jdbc:sqlite:" + source, null, null),
        dir.resolve("backups"), Clock.systemUTC(), null, signer);
    Path target = Files.createDirectories(dir.resolve("target")).resolve("restock.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(target)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("OLD", "Old", "X", BigDecimal.ONE, 1));
    }
    Path pristine = dir.resolve("old.db");
    Files.copy(target, pristine);
    String key = Base64.getEncoder().encodeToString(signer.publicKey().getEncoded());

    // one undisturbed run into a scratch copy gives the window to kill in
    Path scratch = dir.resolve("scratch").resolve("restock.db");
    Files.createDirectories(scratch.getParent());
    Files.copy(target, scratch);
    Process whole = restore(backup, scratch, key);
    long started = System.nanoTime();
    assertThat(whole.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(whole.exitValue()).isZero();
    long windowMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(skus(scratch)).isEqualTo(NEW);

    Random random = new Random();
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      Process child = restore(backup, target, key);
      long delay = (long) (windowMillis * (0.2 + 1.2 * random.nextDouble()));
      boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no finally block
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(quickCheck(target)).as("after a kill at %d ms", delay).isEqualTo("ok");
      List<String> skus = skus(target);
      assertThat(skus).as("after a kill at %d ms", delay).isIn(OLD, NEW);
      outcomes.add(delay + "ms:" + (finished ? "finished" : "killed") + ":"
          + (skus.equals(OLD) ? "old" : "new"));
      if (skus.equals(NEW)) {
        // back to the old database for the next round
        Files.copy(pristine, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    System.out.println("restore kills: " + outcomes);

    // an undisturbed restore afterwards succeeds and clears what killed ones left behind
    Process last = restore(backup, target, key);
    assertThat(last.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertThat(skus(target)).isEqualTo(NEW);
    try (var files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.contains(".restore-"))
          .noneMatch(name -> name.endsWith("-wal") || name.endsWith("-shm"));
    }
  }

  /** Starts a restoring JVM and returns once it is about to restore. */
  private static Process restore(BackupInfo backup, Path target, String key) throws Exception {
    Path err = Files.createTempFile(backup.file().getParent(), "restore-", ".err");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RestoreProcess.class.getName(),
        backup.file().toString(), target.toString(), key)
        .redirectError(err.toFile())
        .start();
    var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
    assertThat(out.readLine()).as(() -> read(err)).isEqualTo("start");
    return child;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static String quickCheck(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("pragma quick_check")) {
      r.next();
      return r.getString(1);
    }
  }

  private static List<String> skus(Path db) throws Exception {
    List<String> skus = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select sku from product order by sku")) {
      while (r.next()) {
        skus.add(r.getString(1));
      }
    }
    return skus;
  }
}
