package dev.restock.jpa;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.DamagedDatabaseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite file overwritten in places is refused at start, before anything is written, with a
 * message that says it is damaged and what to do; the check can be turned off.
 */
class SqliteIntegrityCheckTest {
  private static final int PAGE = 4096;
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void aDatabaseWithSomeProducts() {
    file = dir.resolve("restock.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
      var session = engine.as(Actor.system());
      for (int i = 0; i < 300; i++) {
        session.products().create(new CreateProduct(String.format("SKU-%04d", i),
            "Product number " + i + " with a longer name to fill pages", "Category " + (i % 7),
            new BigDecimal("1.25"), 6));
      }
    }
  }

  @Test
  void anIntactDatabaseOpens() {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("SKU-0001").name())
          .startsWith("Product number 1");
    }
  }

  @Test
  void aDatabaseWithOverwrittenDataPagesIsRefusedAndLeftUntouched() throws Exception {
    // the schema pages at the start stay intact, so the file opens and would accept writes
    corruptPagesFrom(Files.size(file) / PAGE / 2);
    refusedUntouched();
  }

  @Test
  void aDatabaseWhoseSchemaPagesAreOverwrittenIsRefusedAsDamagedToo() throws Exception {
    corruptPagesFrom(1);
    refusedUntouched();
  }

  private void refusedUntouched() throws Exception {
    String before = sha256(file);

    assertThatThrownBy(() -> RestockEngine.builder().store(JpaStores.sqlite(file)).build())
        .isInstanceOf(DamagedDatabaseException.class)
        .hasMessageContaining("is damaged")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("quick_check")
        .hasMessageContaining("nothing was written")
        .hasMessageContaining("backup");

    assertThat(sha256(file)).isEqualTo(before);
  }

  @Test
  void theCheckCanBeTurnedOffForRepairTools() throws Exception {
    JpaStoreConfig unchecked = JpaStoreConfig.from(
        java.util.Map.of("restock.db.url", file.toString(), "restock.db.integrity-check", "false"),
        java.util.Map.of());

    assertThat(unchecked.integrityCheck()).isFalse();
    assertThat(JpaStoreConfig.of("jdbc:sqlite:" + file, null, null).integrityCheck()).isTrue();
  }

  /** Overwrites every other page from {@code first} (0-based), keeping the header page intact. */
  private void corruptPagesFrom(long first) throws Exception {
    long size = Files.size(file);
    assertThat(size).as("the file needs several pages").isGreaterThan(8L * PAGE);
    byte[] garbage = new byte[PAGE];
    Random random = new Random(13);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      for (long page = Math.max(1, first); page * PAGE < size; page += 2) {
        random.nextBytes(garbage);
        raf.seek(page * PAGE);
        raf.write(garbage);
      }
    }
  }

  private static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(p)));
  }
}
