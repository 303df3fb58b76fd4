package dev.restock.jpa.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration 6 (machine reads) on a database built by Flyway up to version 5 and holding data: the
 * store opens on it, migrates, keeps the rows it had, and appends and finds reads.
 */
abstract class MachineReadsMigrationTest {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @BeforeEach
  void buildAVersion5DatabaseWithAProduct() throws Exception {
    db = database().fresh();
    Flyway flyway = JpaStore.flyway(config());
    Flyway.configure().configuration(flyway.getConfiguration()).target("5").load().migrate();
    Timestamp now = Timestamp.from(Instant.parse("2025-12-01T00:00:00Z"));
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "insert into product (id, sku, name, category, price, case_pack, active, created_at,"
            + " created_by, updated_at, updated_by, version, deleted_at)"
            + " values (?, 'OLD-1', 'Old product', null, ?, 1, ?, ?, ?, ?, ?, 0, null)")) {
      String system = new UUID(0, 0).toString();
      p.setString(1, UUID.randomUUID().toString());
      p.setBigDecimal(2, new BigDecimal("2.40"));
      p.setBoolean(3, true);
      p.setTimestamp(4, now);
      p.setString(5, system);
      p.setTimestamp(6, now);
      p.setString(7, system);
      p.executeUpdate();
    }
  }

  @AfterEach
  void drop() {
    db.close();
  }

  /** The store's configuration, with PostgreSQL's test schema named so Flyway finds it. */
  private JpaStoreConfig config() {
    String url = db.jdbcUrl();
    return url.contains("currentSchema=")
        ? db.config().withSchema(url.replaceFirst(".*currentSchema=", "")) : db.config();
  }

  @Test
  void theStoreMigratesAVersion5DatabaseKeepsItsRowsAndKeepsMachineReads() throws Exception {
    assertThat(appliedVersions()).contains("5").doesNotContain("6");

    try (Store store = db.factory().open()) {
      assertThat(appliedVersions()).contains("5", "6");
      assertThat(store.transactions().read(() -> store.products().list(PageRequest.of(0, 10),
          Visibility.LIVE)).items()).extracting(Product::sku, Product::price)
          .containsExactly(tuple("OLD-1", new BigDecimal("2.40")));

      StoreFixture fixture = new StoreFixture(store);
      UUID device = fixture.device(fixture.reference("R1"), "Alpha", 1, 5).device().id();
      Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
      StoredRead read = new StoredRead(UUID.randomUUID(), device, "SN-1", "0f".repeat(32),
          "first.dex", at, List.of(new SelectionCounter("A1", new BigDecimal("1.50"), 7,
              new BigDecimal("10.50"), 3)),
          CashCounters.NONE, true, 0, new BigDecimal("0.00"), null, null, at, Actor.SYSTEM_ID);
      fixture.write(() -> {
        store.machineReads().append(read);
        return null;
      });
      assertThat(store.transactions().read(() -> store.machineReads().latestFor(device)))
          .contains(read);
    }
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
