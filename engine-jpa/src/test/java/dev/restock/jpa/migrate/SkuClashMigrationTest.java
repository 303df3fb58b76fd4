package dev.restock.jpa.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.error.ConflictException;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration 5 (skus unique ignoring case) on a database built by Flyway up to the version before
 * it, whose
 * live skus clash: it is refused, naming them, and the database is left as it was; once the
 * clashes are resolved it applies, and the store refuses new clashes.
 */
abstract class SkuClashMigrationTest {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @BeforeEach
  void buildAVersion4Database() throws Exception {
    db = database().fresh();
    Flyway flyway = JpaStore.flyway(config());
    // the last migration before 5 (V4 when it exists, else V3), so the test holds either way
    String before5 = Arrays.stream(flyway.info().all()).map(m -> m.getVersion())
        .filter(v -> v != null && v.isNewerThan("0") && !v.isAtLeast("5"))
        .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    Flyway.configure().configuration(flyway.getConfiguration()).target(before5).load().migrate();
    insert("COLA", null);
    insert("cola", null);
    insert("Tea", null);
    insert("TEA", null);
    insert("TeA", null);
    insert("Water", null);
    insert("WATER", Instant.parse("2026-01-01T00:00:00Z")); // deleted: no clash
  }

  @AfterEach
  void drop() {
    db.close();
  }

  /** The store's configuration, with PostgreSQL's test schema named so Flyway creates it. */
  private JpaStoreConfig config() {
    String url = db.jdbcUrl();
    return url.contains("currentSchema=")
        ? db.config().withSchema(url.replaceFirst(".*currentSchema=", "")) : db.config();
  }

  @Test
  void clashingLiveSkusAreNamedAndTheDatabaseIsLeftAsItWas() throws Exception {
    List<String> before = skus();

    assertThatThrownBy(() -> RestockEngine.builder().store(db.factory()).build().close())
        .hasMessageContaining("differ only by case")
        .hasMessageContaining("COLA, cola")
        .hasMessageContaining("TEA, TeA, Tea")
        .hasMessageContaining("Nothing was changed")
        .message().doesNotContain("Water");

    assertThat(skus()).isEqualTo(before);
    assertThat(appliedVersions()).doesNotContain("5").contains("3");
  }

  @Test
  void onceTheClashesAreResolvedTheMigrationAppliesAndCaseVariantsAreRefused() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("update product set sku = 'COLA-2' where sku = 'cola'");
      s.executeUpdate("update product set sku = 'TEA-2' where sku = 'TeA'");
      s.executeUpdate("update product set sku = 'TEA-3' where sku = 'Tea'");
    }

    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(appliedVersions()).contains("5");
      var session = engine.as(Actor.system());
      assertThat(session.products().getBySku("water").sku()).isEqualTo("Water");
      assertThatThrownBy(() -> session.products().create(
          new CreateProduct("cola-2", "Cola", null, BigDecimal.ONE, 1)))
          .isInstanceOf(ConflictException.class).hasMessageContaining("sku");
    }
    assertThat(skus()).hasSize(7);
  }

  private void insert(String sku, Instant deletedAt) throws Exception {
    Timestamp now = Timestamp.from(Instant.parse("2025-12-01T00:00:00Z"));
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "insert into product (id, sku, name, category, price, case_pack, active, created_at,"
            + " created_by, updated_at, updated_by, version, deleted_at)"
            + " values (?, ?, ?, null, ?, 1, ?, ?, ?, ?, ?, 0, ?)")) {
      String system = new UUID(0, 0).toString();
      p.setString(1, UUID.randomUUID().toString());
      p.setString(2, sku);
      p.setString(3, sku + " product");
      p.setBigDecimal(4, new BigDecimal("1.00"));
      p.setBoolean(5, true);
      p.setTimestamp(6, now);
      p.setString(7, system);
      p.setTimestamp(8, now);
      p.setString(9, system);
      p.setTimestamp(10, deletedAt == null ? null : Timestamp.from(deletedAt));
      p.executeUpdate();
    }
  }

  private List<String> skus() throws Exception {
    List<String> skus = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select sku from product order by id")) {
      while (r.next()) {
        skus.add(r.getString(1));
      }
    }
    return skus;
  }

  private List<String> appliedVersions() throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select \"version\" from \"restock_schema_history\""
            + " where \"success\" = true and \"version\" is not null")) {
      while (r.next()) {
        versions.add(r.getString(1));
      }
    }
    return versions;
  }
}
