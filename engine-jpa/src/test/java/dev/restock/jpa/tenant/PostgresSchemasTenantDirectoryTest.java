package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL schema per tenant in one database, the catalogue in the schema
 * {@code restock_tenants}; each test on a database of its own, dropped after.
 */
class PostgresSchemasTenantDirectoryTest extends TenantDirectoryContract {
  private String database;
  private String url;

  @Override
  void prepare() throws Exception {
    Sql.requirePostgres();
    database = "restock_tn_" + Sql.token();
    url = Sql.createDatabase(database);
  }

  @Override
  TenantDirectory newDirectory() {
    return JpaTenants.postgresSchemas(url, Sql.POSTGRES_USER, "");
  }

  @Override
  boolean storageExists(String id) throws Exception {
    return Sql.schemaExists(url, "tenant_" + id);
  }

  @Override
  void occupyStorage(String id) throws Exception {
    Sql.execute(url, Sql.POSTGRES_USER, "", "create schema tenant_" + id);
  }

  @Override
  void removeStorage(String id) throws Exception {
    Sql.execute(url, Sql.POSTGRES_USER, "", "drop schema tenant_" + id + " cascade");
  }

  @Override
  long catalogueRows(String table) throws Exception {
    return Sql.count(url, Sql.POSTGRES_USER, "", "restock_tenants." + table);
  }

  @Override
  void cleanUp() throws Exception {
    if (database != null) {
      Sql.dropDatabase(database);
    }
  }

  @Test
  void theCatalogueHasItsOwnSchemaAndFlywayHistory() throws Exception {
    directory.add(new NewTenant("acme", "Acme"), placement(), AT, ADMIN);
    assertThat(Sql.schemaExists(url, "restock_tenants")).isTrue();
    assertThat(Sql.count(url, Sql.POSTGRES_USER, "",
        "restock_tenants.restock_tenant_schema_history")).isPositive();
    assertThat(Sql.schemaExists(url, "tenant_acme")).isTrue();
  }
}
