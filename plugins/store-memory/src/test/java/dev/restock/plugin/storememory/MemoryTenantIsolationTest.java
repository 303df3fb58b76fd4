package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.TenantIsolationContract;

/** The TCK's tenant isolation contract on the in-memory tenant directory. */
class MemoryTenantIsolationTest extends TenantIsolationContract {
  @Override
  protected TenantDirectory freshDirectory() {
    return new MemoryTenantDirectory();
  }

  @Override
  protected Restock openEngine(TenantDirectory directory, String providerTenant) {
    RestockEngine.Builder builder = RestockEngine.builder().tenants(directory);
    if (providerTenant != null) {
      builder.providerTenant(providerTenant);
    }
    return builder.build();
  }
}
