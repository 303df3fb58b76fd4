package dev.restock.jpa.migrate;

import static dev.restock.jpa.migrate.HistoryTables.FLYWAY_DEFAULT;
import static dev.restock.jpa.migrate.HistoryTables.RESTOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the old layout, whose engine migrations Flyway recorded in its default table
 * {@code flyway_schema_history}, moves over to {@code restock_schema_history} when the engine
 * starts: the same rows with the same checksums, the data intact, later migrations applied
 * normally, and a host's rows in the old table left as they were.
 */
abstract class LegacyHistoryMoveOverTest {
  /** Engines starting at once on one database of the old layout. */
  private static final int ENGINES = 4;

  @TempDir Path backups;
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @BeforeEach
  void fresh() throws Exception {
    db = database().fresh();
    HistoryTables.prepare(database(), db);
  }

  @AfterEach
  void drop() {
    db.close();
  }

  /**
   * What an older Restock left: the engine's migrations up to {@code target} (null: all of
   * them) applied by Flyway with its default history table, and one product.
   */
  private void oldLayout(String target) throws Exception {
    var configured = Flyway.configure()
        .configuration(JpaStore.flyway(db.config()).getConfiguration())
        .table(FLYWAY_DEFAULT);
    if (target != null) {
      configured.target(target);
    }
    configured.load().migrate();
    insertProduct("COLA");
  }

  private String latest() {
    return Migrations.status(db.config()).latestKnown();
  }

  @Test
  void aVersion3DatabaseMovesOverWithItsChecksumsAndMigratesToTheLatest() throws Exception {
    oldLayout("3");
    List<List<String>> everything = HistoryTables.rows(db, FLYWAY_DEFAULT);
    List<List<String>> old = HistoryTables.migrationRows(db, FLYWAY_DEFAULT);
    assertThat(old).extracting(row -> row.get(1)).containsExactly("1", "2", "3");

    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA").price())
          .isEqualByComparingTo("1.50");
    }

    List<List<String>> moved = HistoryTables.rows(db, RESTOCK);
    // Flyway's own marker rows (H2 has one) come along when the table was the engine's alone
    assertThat(moved).containsAll(everything);
    assertThat(HistoryTables.migrationRows(db, RESTOCK).subList(0, 3)).isEqualTo(old);
    assertThat(HistoryTables.versions(db, RESTOCK)).startsWith("1", "2", "3").endsWith(latest())
        .hasSize(Integer.parseInt(latest()));
    assertThat(HistoryTables.exists(db, FLYWAY_DEFAULT)).as("the old table held only ours")
        .isFalse();

    // a second start finds nothing to move and nothing to migrate
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA").name())
          .isEqualTo("COLA product");
    }
    assertThat(HistoryTables.rows(db, RESTOCK)).isEqualTo(moved);
    assertThat(db.count("product")).isEqualTo(1);
  }

  @Test
  void aDatabaseAtTheLatestVersionMovesOverAlsoWhenMigrationIsLeftToTheOperator()
      throws Exception {
    oldLayout(null);
    List<List<String>> old = HistoryTables.rows(db, FLYWAY_DEFAULT);

    var store = JpaStores.of(db.config().withMigrateOnStart(false));
    try (Restock engine = RestockEngine.builder().store(store).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA").name())
          .isEqualTo("COLA product");
    }

    assertThat(HistoryTables.rows(db, RESTOCK)).isEqualTo(old);
    assertThat(HistoryTables.exists(db, FLYWAY_DEFAULT)).isFalse();
    Migrations.Status status = Migrations.status(db.config());
    assertThat(status.current()).isEqualTo(latest());
    assertThat(status.pending()).isEmpty();
    assertThat(JpaStore.flyway(db.config()).validateWithResult().validationSuccessful).isTrue();
  }

  /**
   * A host's rows share the old table: they stay exactly as they were, the engine's move, and a
   * host row with the number of one of ours is not taken for ours.
   */
  @Test
  void aHostsRowsInTheOldTableStayAsTheyWere() throws Exception {
    oldLayout("3");
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "insert into \"flyway_schema_history\" (\"installed_rank\", \"version\","
            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
            + " \"installed_on\", \"execution_time\", \"success\")"
            + " values (?, ?, ?, 'SQL', ?, ?, 'host', ?, 7, ?)")) {
      hostRow(p, 4, "4", "host invoices", "V4__host_invoices.sql", 1234);
      hostRow(p, 5, "4.1", "baseline", "V4_1__baseline.sql", 5678);
    }
    List<List<String>> old = HistoryTables.rows(db, FLYWAY_DEFAULT);
    List<List<String>> ours = HistoryTables.migrationRows(db, FLYWAY_DEFAULT).subList(0, 3);
    // the host's rows, and Flyway's marker rows of the table (H2 has one), which is the host's
    List<List<String>> hosts = old.stream().filter(row -> !ours.contains(row)).toList();
    assertThat(hosts).filteredOn(row -> "host".equals(row.get(6))).hasSize(2);

    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA")).isNotNull();
    }

    assertThat(HistoryTables.rows(db, FLYWAY_DEFAULT)).isEqualTo(hosts);
    assertThat(HistoryTables.migrationRows(db, RESTOCK).subList(0, 3)).isEqualTo(ours);
    // the engine's own V4 ran, although the host's table records a version 4
    assertThat(HistoryTables.versions(db, RESTOCK)).contains("4").endsWith(latest());
    assertThat(HistoryTables.scripts(db, RESTOCK)).doesNotContain("V4__host_invoices.sql");
  }

  @Test
  void enginesStartingAtOnceMoveTheHistoryOnce() throws Exception {
    oldLayout("3");
    List<List<String>> old = HistoryTables.migrationRows(db, FLYWAY_DEFAULT);
    CyclicBarrier start = new CyclicBarrier(ENGINES);
    ExecutorService pool = Executors.newFixedThreadPool(ENGINES);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < ENGINES; i++) {
        started.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
            return engine.as(Actor.system()).products().getBySku("COLA").sku();
          }
        }));
      }
      for (Future<String> f : started) {
        assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo("COLA");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(HistoryTables.migrationRows(db, RESTOCK).subList(0, 3)).isEqualTo(old);
    assertThat(HistoryTables.versions(db, RESTOCK)).doesNotHaveDuplicates()
        .hasSize(Integer.parseInt(latest()));
    assertThat(HistoryTables.exists(db, FLYWAY_DEFAULT)).isFalse();
  }

  /**
   * The engine creates its table for the rows it moves as Flyway does: the same columns, types,
   * defaults, key and index as the table Flyway makes in a database the engine starts afresh.
   */
  @Test
  void theTableTheRowsMoveToHasTheLayoutFlywayGivesIt() throws Exception {
    oldLayout("3");
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA")).isNotNull();
    }
    try (FreshDatabase made = database().fresh()) {
      HistoryTables.prepare(database(), made);
      RestockEngine.builder().store(made.factory()).build().close();

      assertThat(HistoryTables.layout(db, RESTOCK)).isNotEmpty()
          .isEqualTo(HistoryTables.layout(made, RESTOCK));
    }
  }

  /** The operator's commands ('restock migrate status|apply') move it over too. */
  @Test
  void theMigrationCommandsMoveOverFirstAndApplyWithABackup() throws Exception {
    oldLayout("3");
    List<List<String>> old = HistoryTables.migrationRows(db, FLYWAY_DEFAULT);

    Migrations.Status status = Migrations.status(db.config());
    assertThat(status.current()).isEqualTo("3");
    assertThat(status.applied()).extracting(Migrations.Migration::checksum)
        .containsExactlyElementsOf(old.stream().map(row -> Integer.valueOf(row.get(5))).toList());

    Migrations.Applied applied = Migrations.apply(db.config(), backups, false);
    assertThat(applied.from()).isEqualTo("3");
    assertThat(applied.to()).isEqualTo(latest());
    assertThat(applied.backup()).isNotNull();
    assertThat(HistoryTables.migrationRows(db, RESTOCK).subList(0, 3)).isEqualTo(old);
    assertThat(HistoryTables.exists(db, FLYWAY_DEFAULT)).isFalse();
    assertThat(db.count("product")).isEqualTo(1);
  }

  /** A backup ('restock backup') of such a database moves it over first, and then holds it. */
  @Test
  void aBackupMovesOverFirst() throws Exception {
    oldLayout("3");
    List<List<String>> old = HistoryTables.migrationRows(db, FLYWAY_DEFAULT);

    BackupInfo backup = Backups.backup(db.config(), backups);

    assertThat(backup.schemaVersion()).isEqualTo("3");
    assertThat(backup.rowCounts()).containsEntry("product", 1L);
    assertThat(HistoryTables.migrationRows(db, RESTOCK)).isEqualTo(old);
    assertThat(HistoryTables.exists(db, FLYWAY_DEFAULT)).isFalse();
  }

  private static void hostRow(PreparedStatement p, int rank, String version, String description,
      String script, int checksum) throws Exception {
    p.setInt(1, rank);
    p.setString(2, version);
    p.setString(3, description);
    p.setString(4, script);
    p.setInt(5, checksum);
    p.setTimestamp(6, Timestamp.from(Instant.parse("2026-01-02T03:04:05Z")));
    p.setBoolean(7, true);
    p.executeUpdate();
  }

  private void insertProduct(String sku) throws Exception {
    Timestamp now = Timestamp.from(Instant.parse("2025-12-01T00:00:00Z"));
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "insert into product (id, sku, name, category, price, case_pack, active, created_at,"
            + " created_by, updated_at, updated_by, version, deleted_at)"
            + " values (?, ?, ?, null, ?, 1, ?, ?, ?, ?, ?, 0, null)")) {
      String system = new UUID(0, 0).toString();
      p.setString(1, UUID.randomUUID().toString());
      p.setString(2, sku);
      p.setString(3, sku + " product");
      p.setBigDecimal(4, new BigDecimal("1.50"));
      p.setBoolean(5, true);
      p.setTimestamp(6, now);
      p.setString(7, system);
      p.setTimestamp(8, now);
      p.setString(9, system);
      p.executeUpdate();
    }
  }
}
