package dev.restock.jpa.migrate;

import static dev.restock.jpa.migrate.HistoryTables.FLYWAY_DEFAULT;
import static dev.restock.jpa.migrate.HistoryTables.RESTOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host application running its own, plain Flyway (Flyway's defaults: location
 * {@code classpath:db/migration}, table {@code flyway_schema_history}) in the schema the engine
 * uses, with the engine's jar on the classpath: neither sees the other's migrations, and each
 * keeps its own history.
 */
abstract class HostFlywayTest {
  private static final List<String> HOST_SCRIPTS =
      List.of("V1__host_table.sql", "V2__host_invoice_note.sql");

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

  /** The host's Flyway exactly as a host configures it: nothing but its data source. */
  private Flyway host() {
    return Flyway.configure().dataSource(db.jdbcUrl(), db.config().user(), db.config().password())
        .load();
  }

  @Test
  void theHostMigratesBeforeAndAfterTheEngineAndBothHistoriesStayTheirOwn() throws Exception {
    var first = Flyway.configure().configuration(host().getConfiguration()).target("1").load()
        .migrate();
    assertThat(first.migrationsExecuted).isEqualTo(1);

    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      engine.as(Actor.system()).products()
          .create(new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    }

    var second = host().migrate();
    assertThat(second.migrationsExecuted).isEqualTo(1);
    host().validate();

    assertThat(HistoryTables.scripts(db, FLYWAY_DEFAULT)).isEqualTo(HOST_SCRIPTS);
    // the host's table was there first: the engine's Flyway baselined below its V1 and then
    // applied every engine migration
    assertThat(HistoryTables.rows(db, RESTOCK)).filteredOn(row -> "0".equals(row.get(1)))
        .singleElement().satisfies(row -> assertThat(row.get(3)).isEqualTo("BASELINE"));
    assertThat(HistoryTables.versions(db, RESTOCK)).startsWith("0", "1", "2", "3")
        .doesNotHaveDuplicates();
    assertThat(HistoryTables.scripts(db, RESTOCK)).doesNotContainAnyElementsOf(HOST_SCRIPTS);

    // the engine starts again beside the host's history and finds its product
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA").name()).isEqualTo("Cola");
    }
    assertThat(HistoryTables.scripts(db, FLYWAY_DEFAULT)).isEqualTo(HOST_SCRIPTS);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("insert into host_invoice (id, amount, note) values (1, 9.50, 'first')");
      try (ResultSet r = s.executeQuery("select count(*) from host_invoice")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
      }
    }
  }

  /**
   * Once the engine has migrated, the schema is not empty: a host whose Flyway starts only then
   * must let it baseline below its first migration (Flyway's own rule for a non-empty schema
   * without a history table, whatever the tables are); it then applies all of its migrations.
   */
  @Test
  void aHostStartingAfterTheEngineBaselinesAtVersionZeroAndAppliesEverything() throws Exception {
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      engine.as(Actor.system()).products()
          .create(new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    }
    List<List<String>> engineHistory = HistoryTables.rows(db, RESTOCK);

    assertThatThrownBy(() -> host().migrate()).isInstanceOf(FlywayException.class)
        .hasMessageContaining("non-empty schema");

    var result = Flyway.configure().configuration(host().getConfiguration())
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();

    assertThat(result.migrationsExecuted).isEqualTo(2);
    assertThat(HistoryTables.scripts(db, FLYWAY_DEFAULT)).containsSubsequence(HOST_SCRIPTS);
    assertThat(HistoryTables.rows(db, RESTOCK)).isEqualTo(engineHistory);
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      assertThat(engine.as(Actor.system()).products().getBySku("COLA").name()).isEqualTo("Cola");
    }
  }
}
