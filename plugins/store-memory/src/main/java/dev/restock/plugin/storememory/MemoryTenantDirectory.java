package dev.restock.plugin.storememory;

import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.stability.Experimental;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Tenants in memory: a {@link MemoryStore} of its own for each tenant, in the single place
 * {@value #PLACEMENT}, so tenants cannot be moved ({@link #copy} is unsupported). A tenant's store
 * keeps its data while the engine closes and reopens it (after a failed move, say) and lets go of
 * it when the directory is closed; nothing survives that, nor the process.
 *
 * <pre>{@code
 * Restock engine = RestockEngine.builder().tenants(new MemoryTenantDirectory()).build();
 * engine.tenants().add(Actor.system(), new NewTenant("acme", "Acme Vending"));
 * }</pre>
 *
 * <p>Thread-safe; every method is synchronized.
 *
 * @since 0.3
 */
@Experimental(since = "0.3")
public final class MemoryTenantDirectory implements TenantDirectory {
  /** The one place tenants live. */
  public static final String PLACEMENT = "memory";

  private final Clock clock;
  private final Map<String, Tenant> tenants = new TreeMap<>();
  private final Map<String, MemoryStore> stores = new TreeMap<>();
  private final List<TenantEvent> events = new ArrayList<>();
  private boolean closed;

  /** Tenant stores stamping times from the system clock (UTC). */
  public MemoryTenantDirectory() {
    this(Clock.systemUTC());
  }

  /** Tenant stores stamping times from {@code clock}. */
  public MemoryTenantDirectory(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized List<Tenant> list() {
    return List.copyOf(tenants.values());
  }

  @Override
  public synchronized Optional<Tenant> find(String id) {
    return Optional.ofNullable(tenants.get(id));
  }

  @Override
  public Set<String> placements() {
    return Set.of(PLACEMENT);
  }

  @Override
  public String defaultPlacement() {
    return PLACEMENT;
  }

  @Override
  public synchronized Tenant add(NewTenant tenant, String placement, Instant at, UUID actorId) {
    refuseIfClosed();
    if (!PLACEMENT.equals(placement)) {
      throw new IllegalArgumentException("placement must be '" + PLACEMENT + "', was '"
          + placement + "'");
    }
    if (tenants.containsKey(tenant.id())) {
      throw new ConflictException("tenant id '" + tenant.id() + "' is taken");
    }
    Tenant added = new Tenant(tenant.id(), tenant.name(), Tenant.Status.ACTIVE, PLACEMENT, at,
        actorId, null, null);
    stores.put(added.id(), MemoryStore.kept(clock));
    tenants.put(added.id(), added);
    return added;
  }

  @Override
  public synchronized Tenant retire(String id, Instant at, UUID actorId) {
    refuseIfClosed();
    Tenant t = tenants.get(id);
    if (t == null) {
      throw new NotFoundException("tenant", id);
    }
    Tenant retired = new Tenant(t.id(), t.name(), Tenant.Status.RETIRED, t.placement(),
        t.createdAt(), t.createdBy(), at, actorId);
    tenants.put(id, retired);
    return retired;
  }

  @Override
  public synchronized StoreFactory store(Tenant tenant) {
    return storeAt(tenant, PLACEMENT);
  }

  @Override
  public synchronized StoreFactory storeAt(Tenant tenant, String placement) {
    if (!PLACEMENT.equals(placement)) {
      throw new IllegalArgumentException("placement must be '" + PLACEMENT + "', was '"
          + placement + "'");
    }
    String id = tenant.id();
    return () -> {
      synchronized (this) {
        refuseIfClosed();
        MemoryStore store = stores.get(id);
        if (store == null) {
          throw new NotFoundException("tenant", id);
        }
        return store;
      }
    };
  }

  /** Unsupported: there is a single place. */
  @Override
  public void copy(Tenant tenant, String targetPlacement) {
    throw new UnsupportedOperationException("the in-memory tenant directory has a single place ("
        + PLACEMENT + "); tenants cannot be moved");
  }

  @Override
  public synchronized Tenant place(String id, String placement) {
    Tenant t = tenants.get(id);
    if (t == null) {
      throw new NotFoundException("tenant", id);
    }
    if (!PLACEMENT.equals(placement)) {
      throw new IllegalArgumentException("placement must be '" + PLACEMENT + "', was '"
          + placement + "'");
    }
    return t;
  }

  @Override
  public synchronized TenantEvent record(TenantEvent event) {
    refuseIfClosed();
    TenantEvent recorded = new TenantEvent(events.size() + 1L, event.at(), event.actorId(),
        event.action(), event.tenantId(), event.reason(), event.detail());
    events.add(recorded);
    return recorded;
  }

  @Override
  public synchronized List<TenantEvent> events() {
    return List.copyOf(events);
  }

  /** Lets go of every tenant's data; once. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      stores.values().forEach(MemoryStore::release);
      stores.clear();
    }
  }

  private void refuseIfClosed() {
    if (closed) {
      throw new IllegalStateException("the tenant directory is closed");
    }
  }
}
