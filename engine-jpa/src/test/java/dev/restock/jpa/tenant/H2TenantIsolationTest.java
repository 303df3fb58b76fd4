package dev.restock.jpa.tenant;

import dev.restock.api.spi.TenantDirectory;

/** Tenant isolation on H2: an in-memory database per tenant, new names per test. */
class H2TenantIsolationTest extends TenantIsolationContractTest {

  @Override
  protected TenantDirectory freshDirectory() {
    return JpaTenants.h2InMemory("iso_" + Sql.token());
  }
}
