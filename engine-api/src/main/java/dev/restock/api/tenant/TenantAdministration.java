package dev.restock.api.tenant;

import dev.restock.api.audit.Actor;
import dev.restock.api.stability.Experimental;
import java.util.List;

/**
 * Tenants as a whole: add one online, retire one, move one to another place, read the fleet across
 * tenants. Reached with {@link dev.restock.api.Restock#tenants()} on an engine built with a
 * {@link dev.restock.api.spi.TenantDirectory}.
 *
 * <p>Every method but {@link #list()} and {@link #find} takes the acting {@link Actor} and is
 * permitted to the system actor (the host's own tooling, such as the {@code restock} tool) and to
 * the active administrators of the engine's provider tenant, when the host named one; anyone else
 * gets a {@link dev.restock.api.error.PermissionDeniedException}. Each such call is recorded as a
 * {@link TenantEvent} in the directory's log, which only grows.
 *
 * @since 0.3
 */
@Experimental(since = "0.3")
public interface TenantAdministration {

  /** Every tenant, active and retired, by id. */
  List<Tenant> list();

  /**
   * The tenant {@code id}, active or retired.
   *
   * @throws dev.restock.api.error.NotFoundException when there is none
   */
  Tenant find(String id);

  /**
   * Adds a tenant online: records it, makes its storage and migrates it (its store opens), while
   * the other tenants go on being served. It starts empty; seed it with
   * {@code engine.tenant(id).seed(..)}.
   *
   * @throws dev.restock.api.error.ValidationException naming every problem of {@code tenant}
   *     (id rule, name length, an unknown placement); nothing is made
   * @throws dev.restock.api.error.ConflictException when the id is taken, by an active or a
   *     retired tenant
   * @throws dev.restock.api.error.PermissionDeniedException see the class description
   */
  Tenant add(Actor actor, NewTenant tenant);

  /**
   * Retires a tenant: from then on {@code engine.tenant(id)} is refused; calls already running
   * finish first. Its data is kept where it is.
   *
   * @param reason why, required (1 to {@link Actor#MAX_REASON} characters)
   * @throws dev.restock.api.error.ValidationException when the reason is missing, blank or too
   *     long; nothing is changed
   * @throws dev.restock.api.error.NotFoundException when there is no such tenant
   * @throws dev.restock.api.error.IllegalStateTransitionException when it is already retired
   */
  Tenant retire(Actor actor, String id, String reason);

  /**
   * Moves an active tenant to another place of the directory (a shard): its calls are paused
   * (running ones finish, new ones wait), its data is backed up, restored at the target with its
   * history chain verified there, and the placement switched; then its calls resume, on the
   * target. A failure on the way leaves it where it was, served as before, and is rethrown
   * (an {@link IllegalStateException} when the copy does not verify or does not end at the
   * source's chain head). Recorded as a {@code tenant.move} event.
   *
   * @param reason why, required (1 to {@link Actor#MAX_REASON} characters)
   * @throws UnsupportedOperationException when the directory has a single place
   * @throws dev.restock.api.error.ValidationException naming a target that is not one of the
   *     directory's places or is the tenant's own place, and a missing reason
   * @throws dev.restock.api.error.NotFoundException when there is no such tenant
   * @throws dev.restock.api.error.IllegalStateTransitionException when the tenant is retired
   */
  Tenant move(Actor actor, String id, String targetPlacement, String reason);

  /**
   * Each active tenant's routes, devices and open orders, read tenant by tenant (each figure
   * committed, not one snapshot across tenants), recorded as a {@code tenant.fleet-summary}
   * event.
   */
  FleetSummary fleetSummary(Actor actor);

  /** The directory's log, oldest first. */
  List<TenantEvent> events(Actor actor);
}
