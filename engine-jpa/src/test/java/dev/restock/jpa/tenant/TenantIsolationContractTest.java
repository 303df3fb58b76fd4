package dev.restock.jpa.tenant;

import dev.restock.api.Restock;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.TenantIsolationContract;

/** The TCK's tenant isolation contract on a JPA tenant directory of each database. */
abstract class TenantIsolationContractTest extends TenantIsolationContract {

  @Override
  protected Restock openEngine(TenantDirectory directory, String providerTenant) {
    RestockEngine.Builder builder = RestockEngine.builder().tenants(directory);
    if (providerTenant != null) {
      builder.providerTenant(providerTenant);
    }
    return builder.build();
  }
}
