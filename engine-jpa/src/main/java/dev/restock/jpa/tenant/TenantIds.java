package dev.restock.jpa.tenant;

import dev.restock.api.tenant.Tenant;

/** Storage names derived from tenant ids, which {@link Tenant#ID_RULE} keeps safe as names. */
final class TenantIds {
  private TenantIds() {}

  /**
   * {@code id}, checked again against the rule before it is used in a file name or an SQL
   * identifier.
   */
  static String checked(String id) {
    if (!Tenant.isValidId(id)) {
      throw new IllegalArgumentException("not a tenant id (" + Tenant.ID_RULE + "): " + id);
    }
    return id;
  }

  /** The PostgreSQL schema of tenant {@code id}. */
  static String schema(String id) {
    return "tenant_" + checked(id);
  }
}
