package dev.restock.core.tenant;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantAdministration;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A multi-tenant engine: {@link #tenant(String)} answers each tenant's own engine, opened lazily
 * once from the {@link TenantDirectory}'s store for it, and {@link #tenants()} administers them.
 * Every call that reads or writes data on this engine itself is refused with an
 * {@link IllegalStateException}: a call must name its tenant. {@link #close()} closes every open
 * tenant engine, then the directory.
 */
public final class TenantEngine implements Restock {
  /** Builds one tenant's engine on a store, the way the builder builds a single-store engine. */
  @FunctionalInterface
  public interface Opener {
    /** An engine on the store {@code factory} opens; with the builder's plugins and settings. */
    Restock open(StoreFactory factory);
  }

  /** An open tenant engine with the store it opened. */
  record Opened(Restock engine, Store store) {}

  private static final String CHOOSE = "this engine serves tenants: choose one first, e.g. "
      + "engine.tenant(\"acme\").as(actor)";

  private final TenantDirectory directory;
  private final Opener opener;
  private final ConcurrentHashMap<String, TenantSlot> slots = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final TenantAdmin admin;

  /**
   * @param directory where tenants live; owned (closed) by this engine from now on
   * @param providerTenant the service company's tenant whose active administrators may
   *     administer tenants, or null when only the system actor may
   * @param clock stamps tenant events
   * @param opener builds a tenant's engine on its store
   */
  public TenantEngine(TenantDirectory directory, @Nullable String providerTenant, Clock clock,
      Opener opener) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.admin = new TenantAdmin(this, directory, providerTenant, Objects.requireNonNull(clock));
  }

  /**
   * The engine of tenant {@code tenantId}, behind its gate: see {@link Restock#tenant}. Closing
   * the engine answered does nothing; it is closed with this engine or when the tenant is retired
   * (calls then are refused with {@link IllegalStateTransitionException}), and after a move it
   * goes on serving the tenant at its new place.
   */
  @Override
  public Restock tenant(String tenantId) {
    return slot(tenantId).facade;
  }

  TenantSlot slot(String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    if (!Tenant.isValidId(tenantId)) {
      throw new IllegalArgumentException("tenant id '" + tenantId + "' is malformed: "
          + Tenant.ID_RULE);
    }
    refuseIfClosed();
    Tenant tenant = directory.find(tenantId)
        .orElseThrow(() -> new NotFoundException("tenant", tenantId));
    if (!tenant.active()) {
      throw new IllegalStateTransitionException("tenant '" + tenantId + "' is retired");
    }
    return slots.computeIfAbsent(tenantId, id -> new TenantSlot(id, this));
  }

  /** The slot of a tenant known active, for the administration. */
  TenantSlot slotOf(String tenantId) {
    return slots.computeIfAbsent(tenantId, id -> new TenantSlot(id, this));
  }

  /** Opens the tenant's engine on its store at its placement now. */
  Opened openTenant(String tenantId) {
    Tenant tenant = directory.find(tenantId)
        .orElseThrow(() -> new NotFoundException("tenant", tenantId));
    return open(directory.store(tenant));
  }

  Opened open(StoreFactory factory) {
    Store[] opened = new Store[1];
    Restock engine = opener.open(() -> {
      Store store = factory.open();
      opened[0] = store;
      return store;
    });
    return new Opened(engine, Objects.requireNonNull(opened[0], "the store was not opened"));
  }

  void refuseIfClosed() {
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
  }

  @Override
  public TenantAdministration tenants() {
    refuseIfClosed();
    return admin;
  }

  // ---- refused: a call must name its tenant

  /** Refused: {@value #CHOOSE}. */
  @Override
  public RestockSession as(Actor actor) {
    throw refused("as(actor)");
  }

  /** Refused: {@value #CHOOSE}. */
  @Override
  public <T> T inUnitOfWork(Actor actor, Function<RestockSession, T> work) {
    throw refused("inUnitOfWork(..)");
  }

  /** Refused: {@value #CHOOSE}. */
  @Override
  public void runInUnitOfWork(Actor actor, java.util.function.Consumer<RestockSession> work) {
    throw refused("runInUnitOfWork(..)");
  }

  /** Refused: {@value #CHOOSE}. */
  @Override
  public <T> CompletableFuture<T> async(Actor actor, Function<RestockSession, T> call) {
    throw refused("async(..)");
  }

  /** Refused: {@value #CHOOSE}. */
  @Override
  public dev.restock.api.seed.ReferenceData.Report seed(dev.restock.api.seed.ReferenceData data) {
    throw refused("seed(..)");
  }

  /** Refused: each tenant's engine has its own registry; ask {@code tenant(id)}. */
  @Override
  public Set<String> pickListStrategies() {
    throw refused("pickListStrategies()");
  }

  /** Refused: each tenant's engine has its own registry; ask {@code tenant(id)}. */
  @Override
  public Set<String> visitPolicies() {
    throw refused("visitPolicies()");
  }

  /** Refused: audit sinks run per tenant. */
  @Override
  public Map<String, Long> auditSinkFailures() {
    throw refused("auditSinkFailures()");
  }

  /** Refused: checkpoints are made per tenant. */
  @Override
  public Map<String, Long> checkpointFailures() {
    throw refused("checkpointFailures()");
  }

  /** Refused: each tenant has its own store. */
  @Override
  public dev.restock.api.ops.Health health() {
    throw refused("health()");
  }

  /** Refused: each tenant has its own store. */
  @Override
  public dev.restock.api.ops.Statistics statistics() {
    throw refused("statistics()");
  }

  /** Refused: each tenant has its own store. */
  @Override
  public String storeDescription() {
    throw refused("storeDescription()");
  }

  private IllegalStateException refused(String call) {
    return new IllegalStateException(call + " was called on the multi-tenant engine: " + CHOOSE);
  }

  /** Closes every open tenant engine, then the directory; once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      RuntimeException first = null;
      for (TenantSlot slot : slots.values()) {
        try {
          slot.close();
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      try {
        directory.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  @Override
  public String toString() {
    return "multi-tenant engine";
  }
}
