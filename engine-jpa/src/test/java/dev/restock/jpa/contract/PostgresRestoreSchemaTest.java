package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.testing.TestSigner;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL backup restores into the schema asked for, not the one it was taken from. */
class PostgresRestoreSchemaTest {
  @TempDir Path dir;

  @Test
  void aBackupOfSchemaARestoresIntoSchemaBAndLeavesAUntouched() throws Exception {
    try (FreshDatabase a = TestDatabase.POSTGRES.fresh()) {
      try (Restock engine = RestockEngine.builder().store(a.factory()).build()) {
        engine.as(Actor.system()).products().create(
            new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
      }
      TestSigner signer = TestSigner.generate();
      BackupInfo info = Backups.backup(a.config(), dir, java.time.Clock.systemUTC(), null,
          signer);
      long revisionsInA = a.count("audit_revision");
      String schemaB = "restock_b_" + UUID.randomUUID().toString().replace("-", "")
          .substring(0, 12);
      JpaStoreConfig b = JpaStoreConfig.of("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
          "").withSchema(schemaB);
      try {
        Backups.restore(info.file(), b, RestoreOptions.trusting(signer.publicKey()));

        try (Restock restored = RestockEngine.builder().store(JpaStores.of(b)).build()) {
          assertThat(restored.as(Actor.system()).products().list(PageRequest.of(0, 10),
              Visibility.INCLUDE_DELETED).items()).extracting(Product::sku)
              .containsExactly("COLA");
          assertThat(restored.as(Actor.system()).history().verify().intact()).isTrue();
        }
        assertThat(a.count("product")).isEqualTo(1);
        assertThat(a.count("audit_revision")).isEqualTo(revisionsInA);
      } finally {
        try (Connection c = a.connect(); Statement s = c.createStatement()) {
          s.execute("drop schema if exists " + schemaB + " cascade");
        }
      }
    }
  }
}
