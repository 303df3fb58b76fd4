package dev.restock.jpa.tenant;

import dev.restock.api.spi.TenantDirectory;
import java.sql.SQLException;

/**
 * Tenant isolation on PostgreSQL: a schema per tenant in a database made for each test and
 * dropped after it.
 */
class PostgresTenantIsolationTest extends TenantIsolationContractTest {
  private String database;

  @Override
  protected TenantDirectory freshDirectory() {
    Sql.requirePostgres();
    database = "restock_iso_" + Sql.token();
    try {
      return JpaTenants.postgresSchemas(Sql.createDatabase(database), Sql.POSTGRES_USER, "");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database " + database, e);
    }
  }

  @Override
  protected void cleanUp() {
    if (database != null) {
      try {
        Sql.dropDatabase(database);
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the test database " + database, e);
      }
    }
  }
}
