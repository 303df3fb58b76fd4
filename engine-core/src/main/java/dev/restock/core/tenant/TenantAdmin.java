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
import org.jspecify.annotations.Nullable;

/**
 * The administration of a {@link TenantEngine}: permission checks (the system actor, or an
 * active administrator of the provider tenant), input checks before anything is written, the
 * directory's writes one at a time, and a {@link TenantEvent} for each change and view.
 */
final class TenantAdmin implements TenantAdministration {
  static final String ADD = "tenant.add";
  static final String RETIRE = "tenant.retire";
  static final String MOVE = "tenant.move";
  static final String FLEET_SUMMARY = "tenant.fleet-summary";
  static final String EVENTS = "tenant.events";

  private final TenantEngine engine;
  private final TenantDirectory directory;
  private final @Nullable String providerTenant;
  private final Clock clock;
  /** Serialises the directory's writes within this engine, and retire and move of tenants. */
  private final Object writes = new Object();

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
    synchronized (writes) {
      directory.find(tenant.id()).ifPresent(t -> {
        throw new ConflictException("tenant id '" + t.id() + "' is taken by "
            + (t.active() ? "an active" : "a retired") + " tenant; ids are never given again");
      });
      Tenant added = directory.add(tenant, placement, clock.instant(), actor.userId());
      // opening the store migrates it; the tenant's engine then stays open for its calls
      TenantSlot slot = engine.slotOf(added.id());
      slot.call(slot::engine);
      directory.record(event(actor, ADD, added.id(), actor.reason(), "at " + placement));
      return added;
    }
  }

  @Override
  public Tenant retire(Actor actor, String id, String reason) {
    Objects.requireNonNull(id, "id");
    permit(actor, RETIRE);
    requireReason(reason);
    synchronized (writes) {
      Tenant tenant = find(id);
      if (!tenant.active()) {
        throw new IllegalStateTransitionException("tenant '" + id + "' is retired already");
      }
      TenantSlot slot = engine.slotOf(id);
      slot.pause();
      try {
        Tenant retired = directory.retire(id, clock.instant(), actor.userId());
        slot.retire();
        directory.record(event(actor, RETIRE, id, reason, null));
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
    if (directory.placements().size() < 2) {
      throw new UnsupportedOperationException("this tenant directory has a single place ("
          + directory.defaultPlacement() + "); tenants cannot be moved");
    }
    synchronized (writes) {
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
        Tenant moved = directory.place(id, targetPlacement);
        directory.record(event(actor, MOVE, id, reason,
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
    TenantEngine.Opened copy = engine.open(directory.storeAt(tenant, placement));
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
    return directory.events();
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
