package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStoreConfig;
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
      backup = Backups.backup(JpaStoreConfig.of("jdbc:sqlite:" + source, null, null),
          dir.resolve("backups"), Clock.systemUTC(), null, signer);
    }
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
    long started = System.nanoTime();
    Process whole = restore(backup, scratch, key);
    assertThat(whole.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(whole.exitValue()).as(new String(whole.getErrorStream().readAllBytes())).isZero();
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
  }

  private static Process restore(BackupInfo backup, Path target, String key) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RestoreProcess.class.getName(),
        backup.file().toString(), target.toString(), key)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
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
