package dev.restock.core.tenant;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.FleetSummary;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantAdministration;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.validation.Checks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration of a {@link TenantEngine}: permission checks (the system actor, or an
 * active administrator of the provider tenant), input checks before anything is written, the
 * directory's writes one at a time, and a {@link TenantEvent} for each change and view (a failed
 * add included). Retire and move of a tenant hold that tenant's lock while they pause it, not the
 * directory's: an add or a move of another tenant goes on meanwhile. No change and no fleet
 * summary may be asked for from inside a call of one of the engine's tenants: a retire or move
 * pausing that tenant would wait for the call, and the call for it.
 */
final class TenantAdmin implements TenantAdministration {
  private static final Logger LOG = LoggerFactory.getLogger(TenantAdmin.class);
  static final String ADD = "tenant.add";
  static final String ADD_FAILED = "tenant.add-failed";
  static final String RETIRE = "tenant.retire";
  static final String MOVE = "tenant.move";
  static final String FLEET_SUMMARY = "tenant.fleet-summary";
  static final String EVENTS = "tenant.events";

  private final TenantEngine engine;
  private final TenantDirectory directory;
  private final @Nullable String providerTenant;
  private final Clock clock;
  /** Serialises the directory's writes within this engine; held briefly, never while pausing. */
  private final Object writes = new Object();
  /** One lock per tenant id: its add, retire and move one at a time. */
  private final ConcurrentHashMap<String, Object> tenantLocks = new ConcurrentHashMap<>();
  /** Tenant events the directory failed to record after the change they describe was made. */
  private final AtomicLong lostEvents = new AtomicLong();

  TenantAdmin(TenantEngine engine, TenantDirectory directory, @Nullable String providerTenant,
      Clock clock) {
    this.engine = engine;
    this.directory = directory;
    this.providerTenant = providerTenant;
    this.clock = clock;
  }

  @Override
  public List<Tenant> list() {
    engine.refuseIfClosed();
    return directory.list();
  }

  @Override
  public Tenant find(String id) {
    Objects.requireNonNull(id, "id");
    engine.refuseIfClosed();
    return directory.find(id).orElseThrow(() -> new NotFoundException("tenant", id));
  }

  @Override
  public Tenant add(Actor actor, NewTenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    permit(actor, ADD);
    refuseInsideACall(ADD);
    Checks checks = new Checks();
    checks.check(Tenant.isValidId(tenant.id()), "id", "must be " + Tenant.ID_RULE
        + " (was " + quoted(tenant.id()) + ")");
    if (tenant.name() == null) {
      checks.add("name", "is required");
    } else {
      checks.check(!tenant.name().isBlank(), "name", "must not be blank");
      checks.check(tenant.name().length() <= Tenant.MAX_NAME, "name",
          "must be at most " + Tenant.MAX_NAME + " characters (was " + tenant.name().length()
              + ")");
    }
    if (tenant.placement() != null && !directory.placements().contains(tenant.placement())) {
      checks.add("placement", "must be one of " + new TreeSet<>(directory.placements())
          + " (was " + quoted(tenant.placement()) + ")");
    }
    checks.throwIfAny();
    String placement = tenant.placement() != null ? tenant.placement()
        : directory.defaultPlacement();
    synchronized (lockOf(tenant.id())) {
      Tenant added;
      synchronized (writes) {
        directory.find(tenant.id()).ifPresent(t -> {
          throw new ConflictException("tenant id '" + t.id() + "' is taken by "
              + (t.active() ? "an active" : "a retired") + " tenant; ids are never given again");
        });
        added = directory.add(tenant, placement, clock.instant(), actor.userId());
      }
      try {
        // opening the store migrates it; the tenant's engine then stays open for its calls
        TenantSlot slot = engine.slotOf(added.id());
        slot.call(slot::engine);
      } catch (RuntimeException | Error e) {
        undoAdd(actor, added.id(), e);
        throw e;
      }
      synchronized (writes) {
        directory.record(event(actor, ADD, added.id(), actor.reason(), "at " + placement));
      }
      return added;
    }
  }

  /**
   * Undoes an add whose store failed to open: forgets the slot, discards the tenant's record and
   * storage, records {@value #ADD_FAILED}; failures of these are added to {@code failure}.
   */
  private void undoAdd(Actor actor, String id, Throwable failure) {
    try {
      engine.forget(id);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    synchronized (writes) {
      try {
        directory.discard(id);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
      try {
        directory.record(event(actor, ADD_FAILED, id, actor.reason(),
            String.valueOf(failure.getMessage())));
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private Object lockOf(String id) {
    return tenantLocks.computeIfAbsent(id, k -> new Object());
  }

  /** Records an event of a change already made; a failure is logged and counted, not thrown. */
  private void recordMade(TenantEvent event) {
    try {
      synchronized (writes) {
        directory.record(event);
      }
    } catch (RuntimeException e) {
      lostEvents.incrementAndGet();
      LOG.error("the tenant directory did not record {} of tenant '{}' ({}), which was made",
          event.action(), event.tenantId(), event.detail(), e);
    }
  }

  /** Tenant events lost: the change was made but the directory failed to record its event. */
  long lostEvents() {
    return lostEvents.get();
  }

  /** Refuses a change asked for from inside a call of one of the engine's tenants. */
  private void refuseInsideACall(String action) {
    if (engine.insideACall()) {
      throw new IllegalStateException(action + " cannot be asked for from inside a call of a "
          + "tenant of this engine: a retire or move of that tenant would wait for the call to "
          + "finish, and the call for it; administer tenants outside tenants' calls");
    }
  }

  @Override
  public Tenant retire(Actor actor, String id, String reason) {
    Objects.requireNonNull(id, "id");
    permit(actor, RETIRE);
    refuseInsideACall(RETIRE);
    requireReason(reason);
    synchronized (lockOf(id)) {
      Tenant tenant = find(id);
      if (!tenant.active()) {
        throw new IllegalStateTransitionException("tenant '" + id + "' is retired already");
      }
      TenantSlot slot = engine.slotOf(id);
      slot.pause();
      try {
        Tenant retired;
        synchronized (writes) {
          retired = directory.retire(id, clock.instant(), actor.userId());
        }
        try {
          slot.retire();
        } finally {
          // retired in the directory: recorded even when closing its engine failed
          recordMade(event(actor, RETIRE, id, reason, null));
        }
        return retired;
      } finally {
        slot.resume();
      }
    }
  }

  @Override
  public Tenant move(Actor actor, String id, String targetPlacement, String reason) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(targetPlacement, "targetPlacement");
    permit(actor, MOVE);
    refuseInsideACall(MOVE);
    if (directory.placements().size() < 2) {
      throw new UnsupportedOperationException("this tenant directory has a single place ("
          + directory.defaultPlacement() + "); tenants cannot be moved");
    }
    synchronized (lockOf(id)) {
      Tenant tenant = find(id);
      Checks checks = new Checks();
      reason(checks, reason);
      checks.check(directory.placements().contains(targetPlacement), "targetPlacement",
          "must be one of " + new TreeSet<>(directory.placements()) + " (was "
              + quoted(targetPlacement) + ")");
      checks.check(!targetPlacement.equals(tenant.placement()), "targetPlacement",
          "is where tenant '" + id + "' is already");
      checks.throwIfAny();
      if (!tenant.active()) {
        throw new IllegalStateTransitionException("tenant '" + id + "' is retired");
      }
      TenantSlot slot = engine.slotOf(id);
      slot.pause();
      try {
        Store source = slot.store();
        ChainHead head = source.transactions().read(() -> source.history().chainHead());
        slot.closeEngine();
        directory.copy(tenant, targetPlacement);
        verifyCopy(tenant, targetPlacement, head);
        Tenant moved;
        synchronized (writes) {
          moved = directory.place(id, targetPlacement);
        }
        // placed: the move is done even if its event cannot be recorded (logged and counted)
        recordMade(event(actor, MOVE, id, reason,
            "from " + tenant.placement() + " to " + targetPlacement + " at chain size "
                + head.size()));
        return moved;
      } finally {
        // on success the next call opens the tenant at its new place; on failure at its old one
        slot.resume();
      }
    }
  }

  /** Opens the copy in an engine of its own and checks its chain and head; closes it again. */
  private void verifyCopy(Tenant tenant, String placement, ChainHead sourceHead) {
    TenantEngine.Opened copy = engine.open(tenant.id(), directory.storeAt(tenant, placement));
    try (Restock copyEngine = copy.engine()) {
      ChainVerification verification = copyEngine.as(Actor.system()).history().verify();
      if (!verification.intact()) {
        throw new IllegalStateException("the copy of tenant '" + tenant.id() + "' at "
            + placement + " does not verify, so it was not placed there: "
            + String.join("; ", verification.problems()));
      }
      Store store = copy.store();
      ChainHead head = store.transactions().read(() -> store.history().chainHead());
      if (!head.equals(sourceHead)) {
        throw new IllegalStateException("the copy of tenant '" + tenant.id() + "' at "
            + placement + " ends its chain at " + head + ", not at the source's head "
            + sourceHead + ", so it was not placed there");
      }
    }
  }

  @Override
  public FleetSummary fleetSummary(Actor actor) {
    permit(actor, FLEET_SUMMARY);
    refuseInsideACall(FLEET_SUMMARY);
    List<FleetSummary.Line> lines = new ArrayList<>();
    PageRequest one = PageRequest.of(0, 1);
    Criteria open = Criteria.where("status", Criteria.Operator.IN, OrderStatus.PENDING.name(),
        OrderStatus.ASSIGNED.name(), OrderStatus.IN_PROGRESS.name());
    for (Tenant tenant : directory.list()) {
      if (!tenant.active()) {
        continue;
      }
      RestockSession system = engine.slotOf(tenant.id()).facade.as(Actor.system());
      lines.add(new FleetSummary.Line(tenant.id(), tenant.name(),
          system.routes().list(one).total(), system.devices().list(one).total(),
          system.serviceOrders().find(open, one).total()));
    }
    FleetSummary summary = new FleetSummary(clock.instant(), lines);
    synchronized (writes) {
      directory.record(event(actor, FLEET_SUMMARY, null, actor.reason(),
          lines.size() + " active tenants"));
    }
    return summary;
  }

  @Override
  public List<TenantEvent> events(Actor actor) {
    permit(actor, EVENTS);
    List<TenantEvent> events = directory.events();
    // a view across tenants: recorded like the fleet summary, after the events it answers
    synchronized (writes) {
      directory.record(event(actor, EVENTS, null, actor.reason(), events.size() + " events"));
    }
    return events;
  }

  private TenantEvent event(Actor actor, String action, @Nullable String tenantId,
      @Nullable String reason, @Nullable String detail) {
    return new TenantEvent(0, clock.instant(), actor.userId(), action, tenantId, reason, detail);
  }

  private static void requireReason(@Nullable String reason) {
    Checks checks = new Checks();
    reason(checks, reason);
    checks.throwIfAny();
  }

  private static void reason(Checks checks, @Nullable String reason) {
    checks.check(reason != null && !reason.isBlank(), "reason", "is required");
    checks.check(reason == null || reason.length() <= Actor.MAX_REASON, "reason",
        "must be at most " + Actor.MAX_REASON + " characters (was "
            + (reason == null ? 0 : reason.length()) + ")");
  }

  /**
   * Lets the system actor through, and an active, live administrator of the provider tenant;
   * refuses everyone else.
   */
  private void permit(Actor actor, String action) {
    Objects.requireNonNull(actor, "actor");
    engine.refuseIfClosed();
    if (Actor.SYSTEM_ID.equals(actor.userId())) {
      return;
    }
    if (providerTenant == null) {
      throw new PermissionDeniedException(action, "only the system actor administers tenants "
          + "(the engine names no provider tenant)");
    }
    User user;
    try {
      user = engine.tenant(providerTenant).as(Actor.system()).users().get(actor.userId());
    } catch (NotFoundException | IllegalStateTransitionException e) {
      throw new PermissionDeniedException(action, "user " + actor.userId()
          + " is not an administrator of the provider tenant '" + providerTenant + "' ("
          + e.getMessage() + ")");
    }
    if (user.role() != Role.ADMIN || !user.active() || user.deletedAt() != null) {
      throw new PermissionDeniedException(action, "user " + user.username() + " is not an "
          + "active administrator of the provider tenant '" + providerTenant + "'");
    }
  }

  private static String quoted(@Nullable String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
