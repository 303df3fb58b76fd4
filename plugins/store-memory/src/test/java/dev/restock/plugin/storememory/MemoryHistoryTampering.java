package dev.restock.plugin.storememory;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.Visibility;
import dev.restock.plugin.tck.HistoryTampering;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The kit's tampering hook on the in-memory store: its test hooks stand in for SQL. */
final class MemoryHistoryTampering implements HistoryTampering {
  private final MemoryStore store;

  MemoryHistoryTampering(MemoryStore store) {
    this.store = store;
  }

  @Override
  public void changeRecordedName(long revision, UUID productId, String name) {
    List<EntityRevision> revisions = store.transactions().read(
        () -> store.history().revisions(AuditedType.PRODUCT, productId));
    for (int i = 0; i < revisions.size(); i++) {
      if (revisions.get(i).info().number() == revision) {
        Map<String, String> state = new HashMap<>(revisions.get(i).state());
        state.put("name", name);
        int index = i;
        hook(() -> store.memoryHistory().tamper(AuditedType.PRODUCT, productId, index, state));
        return;
      }
    }
    throw new IllegalArgumentException("revision " + revision + " did not record " + productId);
  }

  @Override
  public void changeEventDetails(long revision, String key, String value) {
    hook(() -> store.memoryHistory().tamperEvents(revision, Map.of(key, value)));
  }

  @Override
  public void deleteRevision(long revision) {
    hook(() -> store.memoryHistory().dropRevision(revision));
  }

  @Override
  public void moveHead(long size, String hash) {
    hook(() -> store.memoryHistory().moveHead(size, hash));
  }

  @Override
  public void changeLiveName(UUID productId, String name) {
    MemoryProducts products = (MemoryProducts) store.products();
    hook(() -> {
      Product p = products.find(productId, Visibility.LIVE).orElseThrow();
      products.table.put(productId, new Product(p.id(), p.sku(), name, p.category(), p.price(),
          p.casePack(), p.active(), p.version(), p.stamp(), p.deletedAt()));
    });
  }

  /** Runs a hook under the store's write lock, as its own changes run; it records nothing. */
  private void hook(Runnable tamper) {
    store.transactions().write(new AuditContext(Actor.system(), "tamper"), () -> {
      tamper.run();
      return null;
    });
  }
}
