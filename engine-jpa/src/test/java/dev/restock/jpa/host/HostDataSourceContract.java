package dev.restock.jpa.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on a pool the host built and owns, on each database. */
abstract class HostDataSourceContract {
  private HostDatabase db;

  protected abstract TestDatabase kind();

  @BeforeEach
  void openHostPool() {
    db = HostDatabase.of(kind());
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void theEngineWorksOnTheHostsPoolAndClosingItLeavesThePoolOpen() throws Exception {
    Restock engine = RestockEngine.builder()
        .store(JpaStores.dataSource(db.pool, db.database())).build();
    var session = engine.as(Actor.system());
    session.products().create(new CreateProduct("COLA", "Äpfel-Cola", "Drinks",
        new BigDecimal("1.20"), 24));
    session.locations().create(new CreateLocation("Depot", "1 Main St"));
    assertThat(session.products().search(TextQuery.contains("äpfel"), PageRequest.first(),
        Visibility.LIVE).items()).extracting(p -> p.sku()).containsExactly("COLA");
    assertThat(engine.storeDescription()).doesNotContain("host-datasource")
        .startsWith("jpa-" + db.database().name().toLowerCase(java.util.Locale.ROOT) + ":");
    assertThat(engine.health().up()).isTrue();
    assertThat(engine.health().pool().max()).isEqualTo(4);

    engine.close();

    assertThat(db.pool.isClosed()).isFalse();
    try (Connection c = db.pool.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from product")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(1);
    }
    // the engine's migrations went into its own history table on the host's pool
    assertThat(db.count("location")).isEqualTo(1);
    assertThat(db.count("audit_revision")).isEqualTo(2);
  }

  @Test
  void theEngineStartsInASchemaWhereTheHostsOwnFlywayAlreadyMigratedItsTables() {
    Flyway.configure().dataSource(db.pool).locations("classpath:host/migration").load()
        .migrate();

    try (Restock engine = RestockEngine.builder()
        .store(JpaStores.dataSource(db.pool, db.database())).build()) {
      engine.as(Actor.system()).locations().create(new CreateLocation("Depot", "1 Main St"));
    }
    assertThat(db.count("location")).isEqualTo(1);
    assertThat(db.count("host_invoice")).isZero();
    // each Flyway keeps its own history; the host's still validates after the engine's tables
    Flyway host = Flyway.configure().dataSource(db.pool).locations("classpath:host/migration")
        .load();
    assertThat(host.validateWithResult().validationSuccessful).isTrue();
    assertThat(host.info().applied()).extracting(m -> m.getScript())
        .containsExactly("V1__host_invoice.sql");
  }

  @Test
  void theDatabaseIsReadFromTheConnectionWhenNotNamed() {
    try (Restock engine = RestockEngine.builder().store(JpaStores.dataSource(db.pool)).build()) {
      engine.as(Actor.system()).locations().create(new CreateLocation("Depot", "1 Main St"));
      assertThat(engine.storeDescription())
          .startsWith("jpa-" + db.database().name().toLowerCase(java.util.Locale.ROOT) + ":");
    }
    assertThat(db.pool.isClosed()).isFalse();
    assertThat(db.count("location")).isEqualTo(1);
  }

  @Test
  void aSecondEngineOnTheSamePoolFindsTheSchemaMigratedAndTheDataThere() {
    try (Restock first = RestockEngine.builder()
        .store(JpaStores.dataSource(db.pool, db.database())).build()) {
      first.as(Actor.system()).locations().create(new CreateLocation("Depot", "1 Main St"));
    }
    try (Restock second = RestockEngine.builder()
        .store(JpaStores.dataSource(db.pool, db.database())).build()) {
      assertThat(second.as(Actor.system()).locations().list(PageRequest.first()).items())
          .extracting(l -> l.name()).containsExactly("Depot");
      assertThat(second.as(Actor.system()).history().verify().intact()).isTrue();
    }
    assertThat(db.pool.isClosed()).isFalse();
  }
}
