package dev.restock.core.tenant;

import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.core.audit.trust.FakeChainStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory with two places, east and west, holding a {@link FakeChainStore} (a history chain
 * only) per tenant and place; {@link #copy} copies the chain revision by revision, faithfully or
 * as {@link #copying} says, and every write is remembered.
 */
final class FakeTenantDirectory implements TenantDirectory {
  enum Copy { FAITHFUL, FAILS, TAMPERED, SHORT }

  final Map<String, Tenant> tenants = new TreeMap<>();
  /** place -> tenant -> store. */
  final Map<String, Map<String, FakeChainStore>> stores = Map.of(
      "east", new ConcurrentHashMap<>(), "west", new ConcurrentHashMap<>());
  final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  final List<String> writes = new CopyOnWriteArrayList<>();
  final AtomicInteger opens = new AtomicInteger();
  volatile Copy copying = Copy.FAITHFUL;
  volatile boolean closed;

  /** Records an active tenant at {@code place} directly, as another process would have. */
  synchronized FakeChainStore existing(String id, String place) {
    tenants.put(id, new Tenant(id, "Tenant " + id, Tenant.Status.ACTIVE, place, Instant.EPOCH,
        UUID.randomUUID(), null, null));
    FakeChainStore store = new FakeChainStore();
    stores.get(place).put(id, store);
    return store;
  }

  FakeChainStore storeOf(String id, String place) {
    return stores.get(place).get(id);
  }

  @Override public synchronized List<Tenant> list() { return List.copyOf(tenants.values()); }
  @Override public synchronized Optional<Tenant> find(String id) {
    return Optional.ofNullable(tenants.get(id));
  }
  @Override public Set<String> placements() { return Set.of("east", "west"); }
  @Override public String defaultPlacement() { return "east"; }

  @Override
  public synchronized Tenant add(NewTenant tenant, String placement, Instant at, UUID actorId) {
    writes.add("add " + tenant.id());
    if (tenants.containsKey(tenant.id())) {
      throw new ConflictException("taken");
    }
    Tenant t = new Tenant(tenant.id(), tenant.name(), Tenant.Status.ACTIVE, placement, at,
        actorId, null, null);
    tenants.put(t.id(), t);
    stores.get(placement).put(t.id(), new FakeChainStore());
    return t;
  }

  @Override
  public synchronized Tenant retire(String id, Instant at, UUID actorId) {
    writes.add("retire " + id);
    Tenant t = find(id).orElseThrow(() -> new NotFoundException("tenant", id));
    Tenant r = new Tenant(id, t.name(), Tenant.Status.RETIRED, t.placement(), t.createdAt(),
        t.createdBy(), at, actorId);
    tenants.put(id, r);
    return r;
  }

  @Override
  public StoreFactory store(Tenant tenant) {
    return storeAt(tenant, tenant.placement());
  }

  @Override
  public StoreFactory storeAt(Tenant tenant, String placement) {
    return () -> {
      opens.incrementAndGet();
      FakeChainStore store = stores.get(placement).get(tenant.id());
      if (store == null) {
        throw new IllegalStateException("no store of " + tenant.id() + " at " + placement);
      }
      return store;
    };
  }

  @Override
  public void copy(Tenant tenant, String targetPlacement) {
    writes.add("copy " + tenant.id() + " to " + targetPlacement);
    if (copying == Copy.FAILS) {
      throw new IllegalStateException("injected: the copy failed");
    }
    FakeChainStore source = storeOf(tenant.id(), tenant.placement());
    FakeChainStore target = new FakeChainStore();
    List<ChainedRevision> revisions = new ArrayList<>(source.revisions);
    int count = copying == Copy.SHORT ? revisions.size() - 1 : revisions.size();
    for (int i = 0; i < count; i++) {
      String content = revisions.get(i).content();
      target.append(content.substring(content.indexOf('|', 2) + 1));
    }
    if (copying == Copy.TAMPERED) {
      ChainedRevision first = target.revisions.get(0);
      target.revisions.set(0, new ChainedRevision(first.seq(), first.revisionId(),
          first.content() + " altered", first.previousHash(), first.hash()));
    }
    stores.get(targetPlacement).put(tenant.id(), target);
  }

  @Override
  public synchronized Tenant place(String id, String placement) {
    writes.add("place " + id + " at " + placement);
    Tenant t = tenants.get(id);
    Tenant placed = new Tenant(id, t.name(), t.status(), placement, t.createdAt(),
        t.createdBy(), t.retiredAt(), t.retiredBy());
    tenants.put(id, placed);
    return placed;
  }

  @Override
  public TenantEvent record(TenantEvent event) {
    TenantEvent e = new TenantEvent(events.size() + 1, event.at(), event.actorId(),
        event.action(), event.tenantId(), event.reason(), event.detail());
    events.add(e);
    return e;
  }

  @Override public List<TenantEvent> events() { return List.copyOf(events); }
  @Override public void close() { closed = true; }
}
