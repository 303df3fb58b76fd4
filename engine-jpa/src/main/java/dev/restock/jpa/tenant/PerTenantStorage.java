package dev.restock.jpa.tenant;

import dev.restock.jpa.config.JpaStoreConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link Storage} whose tenant stores open on the configuration the host's {@code perTenant}
 * makes of the storage's own (e.g. with a read replica). The host may tune a store, never move
 * it: a configuration naming another database URL or schema than the tenant's is refused, as
 * that would put one tenant's data where it does not belong.
 */
final class PerTenantStorage implements Storage {
  private final Storage storage;
  private final UnaryOperator<JpaStoreConfig> perTenant;

  PerTenantStorage(Storage storage, UnaryOperator<JpaStoreConfig> perTenant) {
    this.storage = storage;
    this.perTenant = perTenant;
  }

  @Override
  public Set<String> placements() {
    return storage.placements();
  }

  @Override
  public String defaultPlacement() {
    return storage.defaultPlacement();
  }

  @Override
  public Set<String> reservedIds() {
    return storage.reservedIds();
  }

  @Override
  public JpaStoreConfig config(String id, String placement) {
    JpaStoreConfig own = storage.config(id, placement);
    JpaStoreConfig tuned = perTenant.apply(own);
    if (tuned == null) {
      throw new TenantDirectoryException("the per-tenant configuration of tenant " + id
          + " answered null instead of a store configuration");
    }
    StringBuilder moved = new StringBuilder();
    if (!Objects.equals(tuned.jdbcUrl(), own.jdbcUrl())) {
      moved.append("; its database URL was changed");
    }
    if (!Objects.equals(tuned.schema(), own.schema())) {
      moved.append("; its schema was changed from ").append(own.schema()).append(" to ")
          .append(tuned.schema());
    }
    if (moved.length() > 0) {
      throw new TenantDirectoryException("the per-tenant configuration of tenant " + id
          + " may tune the store but not move it" + moved);
    }
    return tuned;
  }

  @Override
  public void make(String id, String placement) {
    storage.make(id, placement);
  }

  @Override
  public void unmake(String id, String placement) {
    storage.unmake(id, placement);
  }

  @Override
  public void copy(String id, String from, String to) {
    storage.copy(id, from, to);
  }

  @Override
  public boolean exists(String id, String placement) {
    return storage.exists(id, placement);
  }

  @Override
  public void discard(String id, String placement) {
    storage.discard(id, placement);
  }

  @Override
  public Optional<String> left(String id, String old) {
    return storage.left(id, old);
  }

  @Override
  public Clock clock() {
    return storage.clock();
  }

  @Override
  public void close() {
    storage.close();
  }
}
