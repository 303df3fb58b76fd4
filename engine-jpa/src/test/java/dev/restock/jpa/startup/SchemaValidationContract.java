package dev.restock.jpa.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.JpaStore;
import dev.restock.jpa.bootstrap.StartupPhases;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.SchemaValidation;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's schema validation at opening: by default only when the schema was not at the
 * expected version (here: the first opening, which migrates), at every opening under
 * {@link SchemaValidation#STRICT}, where a column dropped behind Flyway's back is refused. Which
 * phases ran is read from the store's start-up report, never from how long it took.
 */
abstract class SchemaValidationContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @BeforeEach
  void migrated() {
    db = database().fresh();
    try (JpaStore first = JpaStore.open(db.config())) {
      // a new database: migrations ran, so the mapping was checked against what they made
      assertThat(first.startupReport().ran(StartupPhases.SCHEMA_VALIDATION)).isTrue();
    }
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void byDefaultADatabaseAtTheExpectedVersionOpensWithoutSchemaValidation() {
    assertThat(db.config().schemaValidation()).isEqualTo(SchemaValidation.WHEN_VERSION_DIFFERS);
    try (JpaStore store = JpaStore.open(db.config())) {
      assertThat(store.startupReport().ran(StartupPhases.FLYWAY)).isTrue();
      assertThat(store.startupReport().ran(StartupPhases.SESSION_FACTORY)).isTrue();
      assertThat(store.startupReport().ran(StartupPhases.SCHEMA_VALIDATION)).isFalse();
    }
  }

  @Test
  void strictValidationRunsAtEveryOpening() {
    try (JpaStore store = JpaStore.open(strict())) {
      assertThat(store.startupReport().ran(StartupPhases.SCHEMA_VALIDATION)).isTrue();
    }
  }

  @Test
  void strictValidationRefusesAColumnDroppedBehindFlywaysBack() throws Exception {
    dropCasePack();
    assertThatThrownBy(() -> JpaStore.open(strict()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match this version of Restock")
        .hasMessageContaining("case_pack");
  }

  @Test
  void theDefaultTrustsTheVersionSoADroppedColumnDoesNotStopTheOpening() throws Exception {
    dropCasePack();
    try (JpaStore store = JpaStore.open(db.config())) {
      assertThat(store.startupReport().ran(StartupPhases.SCHEMA_VALIDATION)).isFalse();
    }
  }

  private JpaStoreConfig strict() {
    return db.config().withSchemaValidation(SchemaValidation.STRICT);
  }

  private void dropCasePack() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("alter table product drop column case_pack");
    }
  }
}
