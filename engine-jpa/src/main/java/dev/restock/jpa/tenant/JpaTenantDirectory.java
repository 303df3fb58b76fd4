package dev.restock.jpa.tenant;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TenantDirectory} on a {@link Catalogue} and a {@link Storage}: the catalogue keeps the
 * tenants, their placements and the log; the storage makes, opens, copies and retires each
 * tenant's store. Safe for several threads and, for the catalogue's own records, for several
 * processes on one catalogue: every write is one catalogue transaction, guarded by the tenant
 * table's key, the conditional updates and the log's counter row. Nothing here makes the
 * engine's pause of a moved or retired tenant hold in another process: no other process may
 * serve such a tenant meanwhile.
 */
final class JpaTenantDirectory implements TenantDirectory {
  /** The log's action when a move stands but the old copy could not be retired. */
  static final String MOVE_CLEANUP_FAILED = "tenant.move-cleanup-failed";

  private static final Logger LOG = LoggerFactory.getLogger(JpaTenantDirectory.class);
  private static final int MAX_DETAIL = 2000;

  private final Catalogue catalogue;
  private final Storage storage;

  JpaTenantDirectory(Catalogue catalogue, Storage storage) {
    this.catalogue = catalogue;
    this.storage = storage;
  }

  @Override
  public List<Tenant> list() {
    return catalogue.list();
  }

  @Override
  public Optional<Tenant> find(String id) {
    Objects.requireNonNull(id, "id");
    return catalogue.find(id);
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
  public Tenant add(NewTenant tenant, String placement, Instant at, UUID actorId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actorId, "actorId");
    List<Violation> problems = new ArrayList<>();
    if (!Tenant.isValidId(tenant.id())) {
      problems.add(new Violation("id", "must be " + Tenant.ID_RULE + ", was '" + tenant.id()
          + "'"));
    } else if (storage.reservedIds().contains(tenant.id())) {
      problems.add(new Violation("id", "'" + tenant.id() + "' is reserved by this directory "
          + "(its catalogue has that name)"));
    }
    if (tenant.name() == null || tenant.name().isBlank()) {
      problems.add(new Violation("name", "must not be blank"));
    } else if (tenant.name().length() > Tenant.MAX_NAME) {
      problems.add(new Violation("name", "must be at most " + Tenant.MAX_NAME
          + " characters, was " + tenant.name().length()));
    }
    if (placement == null || !storage.placements().contains(placement)) {
      problems.add(new Violation("placement", "must be one of " + storage.placements()
          + ", was " + placement));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    Tenant recorded = new Tenant(tenant.id(), tenant.name(), Tenant.Status.ACTIVE, placement,
        Catalogue.micros(at), actorId, null, null);
    boolean[] made = {false};
    try {
      return catalogue.add(recorded, () -> {
        storage.make(recorded.id(), placement);
        made[0] = true;
      });
    } catch (RuntimeException e) {
      if (made[0]) {
        // the storage was made but the catalogue did not record it (the commit failed)
        storage.unmake(recorded.id(), placement);
      }
      throw e;
    }
  }

  @Override
  public Tenant retire(String id, Instant at, UUID actorId) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actorId, "actorId");
    return catalogue.retire(id, at, actorId);
  }

  /**
   * Removes the tenant's record and its storage in one catalogue transaction: when the storage
   * cannot be removed the record stays, and a later discard tries again.
   */
  @Override
  public void discard(String id) {
    Objects.requireNonNull(id, "id");
    catalogue.discard(id, placement -> storage.discard(id, placement));
  }

  /**
   * Opens the tenant's store at the placement the catalogue records when it opens, not the one
   * in {@code tenant}: a stale record can never open the copy a move left behind. Only
   * {@link #add} makes storage: when the tenant's storage is missing (dropped, deleted, renamed
   * away) opening fails with a {@link TenantDirectoryException} and makes nothing.
   */
  @Override
  public StoreFactory store(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    String id = tenant.id();
    return () -> {
      Tenant current = catalogue.find(id).orElseThrow(() -> new NotFoundException("tenant", id));
      if (!storage.exists(id, current.placement())) {
        throw new TenantDirectoryException("the storage of tenant " + id + " is missing at "
            + "placement " + current.placement() + "; it is not made again (only adding a tenant "
            + "makes storage): restore it there, or place the tenant where its data is");
      }
      return JpaStores.of(storage.config(id, current.placement())).open();
    };
  }

  /** The store configuration of {@code tenant} at its recorded placement. */
  JpaStoreConfig config(Tenant tenant) {
    return storage.config(tenant.id(), tenant.placement());
  }

  @Override
  public StoreFactory storeAt(Tenant tenant, String placement) {
    Objects.requireNonNull(tenant, "tenant");
    requirePlacement(placement);
    return JpaStores.of(storage.config(tenant.id(), placement));
  }

  @Override
  public void copy(Tenant tenant, String targetPlacement) {
    Objects.requireNonNull(tenant, "tenant");
    if (storage.placements().size() < 2) {
      throw new UnsupportedOperationException(
          "this tenant directory has a single place; tenants cannot be moved");
    }
    requirePlacement(targetPlacement);
    Tenant current = catalogue.find(tenant.id())
        .orElseThrow(() -> new NotFoundException("tenant", tenant.id()));
    if (current.placement().equals(targetPlacement)) {
      throw new IllegalArgumentException("tenant " + current.id() + " is placed on "
          + targetPlacement + " already");
    }
    storage.copy(current.id(), current.placement(), targetPlacement);
  }

  @Override
  public Tenant place(String id, String placement) {
    Objects.requireNonNull(id, "id");
    requirePlacement(placement);
    Tenant before = catalogue.find(id).orElseThrow(() -> new NotFoundException("tenant", id));
    if (before.placement().equals(placement)) {
      return before;
    }
    Tenant after = catalogue.place(id, placement);
    storage.left(id, before.placement()).ifPresent(problem -> cleanupFailed(after, before,
        problem));
    return after;
  }

  /**
   * The move stands (the catalogue switched), but the old copy could not be retired: logged at
   * WARN and appended to the directory's log, so that the operator sees it; {@code place}
   * returns normally.
   */
  private void cleanupFailed(Tenant after, Tenant before, String problem) {
    String detail = "moved from " + before.placement() + " to " + after.placement()
        + ", but the old copy on " + before.placement() + " could not be retired: " + problem;
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL);
    }
    LOG.warn("tenant {}: {}", after.id(), detail);
    try {
      catalogue.record(new TenantEvent(0, storage.clock().instant(), Actor.SYSTEM_ID,
          MOVE_CLEANUP_FAILED, after.id(), null, detail));
    } catch (RuntimeException e) {
      LOG.warn("tenant {}: could not record {} in the tenant log: {}", after.id(),
          MOVE_CLEANUP_FAILED, e.getMessage());
    }
  }

  @Override
  public TenantEvent record(TenantEvent event) {
    Objects.requireNonNull(event, "event");
    return catalogue.record(event);
  }

  @Override
  public List<TenantEvent> events() {
    return catalogue.events();
  }

  @Override
  public void close() {
    try {
      storage.close();
    } finally {
      catalogue.close();
    }
  }

  private void requirePlacement(String placement) {
    if (placement == null || !storage.placements().contains(placement)) {
      throw new ValidationException(List.of(new Violation("placement", "must be one of "
          + storage.placements() + ", was " + placement)));
    }
  }
}
