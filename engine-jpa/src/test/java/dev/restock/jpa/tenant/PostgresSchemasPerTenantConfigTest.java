package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.spi.Store;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.jpa.config.JpaStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JpaTenants#postgresSchemas(String, String, String, UnaryOperator)}: each tenant's store
 * opens on what the host's function makes of the configuration on the tenant's schema, and a
 * function that would move the store elsewhere is refused before anything is written. On a
 * PostgreSQL database of its own, dropped after.
 */
class PostgresSchemasPerTenantConfigTest {
  private static final Instant AT = Instant.parse("2026-12-05T10:15:30Z");
  private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000a001");
  private static final String EXTRA = "classpath:dev/restock/testmigration/extra/postgresql";

  private String database;
  private String url;
  private final List<TenantDirectory> opened = new CopyOnWriteArrayList<>();

  @BeforeEach
  void prepare() throws Exception {
    Sql.requirePostgres();
    database = "restock_tc_" + Sql.token();
    url = Sql.createDatabase(database);
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (TenantDirectory d : opened) {
      d.close();
    }
    if (database != null) {
      Sql.dropDatabase(database);
    }
  }

  private TenantDirectory directory(UnaryOperator<JpaStoreConfig> perTenant) {
    TenantDirectory d = JpaTenants.postgresSchemas(url, Sql.POSTGRES_USER, "", perTenant);
    opened.add(d);
    return d;
  }

  @Test
  void eachTenantsStoreOpensOnTheConfigurationTheFunctionMakesOfItsOwn() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    TenantDirectory directory = directory(c -> {
      seen.add(c.schema());
      // an observable tuning: one more migration, which makes a table in the store's schema
      return c.withExtraMigrations(EXTRA);
    });
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), "local", AT, ADMIN);
    Tenant beta = directory.add(new NewTenant("beta", "Beta"), "local", AT, ADMIN);

    try (Store a = directory.store(acme).open(); Store b = directory.store(beta).open()) {
      assertThat(seen).containsExactly("tenant_acme", "tenant_beta");
      assertThat(Sql.count(url, Sql.POSTGRES_USER, "", "tenant_acme.extra_note")).isZero();
      assertThat(Sql.count(url, Sql.POSTGRES_USER, "", "tenant_beta.extra_note")).isZero();
      assertThat(Sql.count(url, Sql.POSTGRES_USER, "", "tenant_acme.product")).isZero();
    }
    // the catalogue is the directory's own, untouched by the function
    assertThat(Sql.schemaExists(url, "restock_tenants")).isTrue();
  }

  @Test
  void aFunctionThatMovesTheStoreToAnotherSchemaOrDatabaseIsRefusedAndNothingIsWritten()
      throws Exception {
    TenantDirectory directory = directory(c -> c.withSchema("tenant_other")
        .withJdbcUrl(Sql.POSTGRES_SERVER));
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), "local", AT, ADMIN);

    assertThatThrownBy(() -> directory.store(acme).open())
        .isInstanceOf(TenantDirectoryException.class)
        .hasMessageContaining("tenant acme")
        .hasMessageContaining("database URL was changed")
        .hasMessageContaining("schema was changed from tenant_acme to tenant_other");
    assertThat(Sql.schemaExists(url, "tenant_other")).isFalse();
    assertThat(Sql.schemaExists(Sql.POSTGRES_SERVER, "tenant_other")).isFalse();
    // the tenant's own schema stays as add made it: empty, never migrated
    assertThat(Sql.schemaExists(url, "tenant_acme")).isTrue();
    assertThat(tablesIn("tenant_acme")).isZero();
  }

  @Test
  void aFunctionAnsweringNullIsRefusedByName() {
    TenantDirectory directory = directory(c -> null);
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), "local", AT, ADMIN);

    assertThatThrownBy(() -> directory.store(acme).open())
        .isInstanceOf(TenantDirectoryException.class)
        .hasMessageContaining("tenant acme").hasMessageContaining("null");
  }

  /** Tables in {@code schema}, read behind the directory's back. */
  private long tablesIn(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(url, Sql.POSTGRES_USER, "");
        PreparedStatement p = c.prepareStatement(
            "select count(*) from information_schema.tables where table_schema = ?")) {
      p.setString(1, schema);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
