package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.migrate.Migrations;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration status, apply with a backup first, rollback, and a broken migration, per database. */
abstract class MigrationContractTest {
  @TempDir Path backups;
  private FreshDatabase db;

  protected abstract TestDatabase database();

  /** Folder name of this database's migrations. */
  protected abstract String folder();

  @BeforeEach
  void open() {
    db = database().fresh();
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      var s = engine.as(Actor.system());
      s.products().create(new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
      s.products().create(new CreateProduct("TEA", "Tea", "Drinks", BigDecimal.ONE, 6));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private JpaStoreConfig with(String extra) {
    return db.config()
        .withExtraMigrations("classpath:dev/restock/testmigration/" + extra + "/" + folder());
  }

  /**
   * The schema version the engine's own migrations reach; the test migrations are V900, far
   * above it, so that adding an engine migration needs no change here.
   */
  private String engineVersion() {
    return Migrations.status(db.config()).latestKnown();
  }

  @Test
  void statusShowsTheCurrentVersionWhatIsAppliedAndWhatIsPending() {
    String version = engineVersion();
    Migrations.Status status = Migrations.status(with("extra"));

    assertThat(status.current()).isEqualTo(version);
    assertThat(status.latestKnown()).isEqualTo("900");
    assertThat(status.pending()).extracting(Migrations.Migration::version)
        .containsExactly("900");
    assertThat(status.applied()).extracting(Migrations.Migration::version)
        .startsWith("1", "2", "3").endsWith(version)
        .hasSize(Integer.parseInt(version));
    assertThat(status.applied()).allSatisfy(m -> {
      assertThat(m.installedOn()).isNotNull();
      assertThat(m.checksum()).isNotNull();
      assertThat(m.state()).isEqualTo("Success");
    });
  }

  @Test
  void aDatabaseBehindTheCodeIsRefusedWhenMigrationIsLeftToTheOperator() {
    JpaStoreConfig strict = with("extra").withMigrateOnStart(false);

    assertThatThrownBy(() -> RestockEngine.builder().store(JpaStores.of(strict)).build())
        .hasMessageContaining("schema version " + engineVersion())
        .hasMessageContaining("migrate apply");
  }

  @Test
  void applyTakesABackupFirstAndRollbackRestoresIt() throws Exception {
    String version = engineVersion();
    Migrations.Applied applied = Migrations.apply(with("extra"), backups, false);

    assertThat(applied.from()).isEqualTo(version);
    assertThat(applied.to()).isEqualTo("900");
    assertThat(applied.backup().note()).startsWith(Migrations.BEFORE_MIGRATING);
    assertThat(tables()).contains("extra_note");
    try (Restock engine = RestockEngine.builder()
        .store(JpaStores.of(with("extra").withMigrateOnStart(false))).build()) {
      assertThat(engine.health().schemaVersion()).isEqualTo("900");
    }

    BackupInfo restored = Migrations.rollback(with("extra"), backups);

    assertThat(restored.file()).isEqualTo(applied.backup().file());
    assertThat(Migrations.status(db.config()).current()).isEqualTo(version);
    assertThat(tables()).doesNotContain("extra_note");
    assertThat(names()).containsExactly("Cola", "Tea");
  }

  @Test
  void aBrokenMigrationLeavesTheDatabaseAsItWas() throws Exception {
    String version = engineVersion();
    assertThatThrownBy(() -> Migrations.apply(with("broken"), backups, false))
        .isInstanceOf(Migrations.MigrationException.class)
        .hasMessageContaining("as it was");

    assertThat(Migrations.status(db.config()).current()).isEqualTo(version);
    assertThat(names()).containsExactly("Cola", "Tea");
    assertThat(tables()).doesNotContain("broken_marker");
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).history().verify().intact()).isTrue();
    }
  }

  private List<String> names() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select name from product order by name")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  private List<String> tables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (r.next()) {
        tables.add(r.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }
}
