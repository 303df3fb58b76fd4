package dev.restock.core.security;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what (seed {@code 003_*}'s roles): ADMIN everything; MANAGER everything but managing
 * users; DRIVER reads, and acts on the visits and orders assigned to them; VIEWER reads only.
 * The built-in system actor may do everything; it is meant for migrations and seeding.
 *
 * <p>Checks run inside the unit of work, before any change, so a refused call writes nothing.
 * The acting user is read in that unit of work: a user deactivated or deleted a moment ago is
 * refused at once.
 */
public final class AccessPolicy {
  /** The action every read is checked as. */
  public static final String READ = "read";

  /** Write actions a driver may take, on orders assigned to them only. */
  public static final Set<String> DRIVER_ACTIONS = Set.of(
      "service-order.dispatch", "service-order.complete-visit", "service-order.skip-visit");

  private AccessPolicy() {}

  /** Whether {@code role} may perform {@code action} at all (assignment aside). */
  public static boolean allows(Role role, String action) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
    if (READ.equals(action)) {
      return true;
    }
    return switch (role) {
      case ADMIN -> true;
      case MANAGER -> !action.startsWith("user.");
      case DRIVER -> DRIVER_ACTIONS.contains(action);
      case VIEWER -> false;
    };
  }

  /**
   * The acting role, after checking that {@code actor} may perform {@code action}; call inside a
   * unit of work of {@code store}.
   *
   * @throws PermissionDeniedException naming the action when the actor is unknown, deleted,
   *     inactive or lacks the role for it
   */
  public static Role authorize(Store store, Actor actor, String action) {
    if (actor.isSystem()) {
      return Role.ADMIN;
    }
    User user = store.users().find(actor.userId(), Visibility.LIVE).orElseThrow(() ->
        new PermissionDeniedException(action, "no live user has id " + actor.userId()));
    if (!user.active()) {
      throw new PermissionDeniedException(action, "user " + user.username() + " is inactive");
    }
    if (!allows(user.role(), action)) {
      throw new PermissionDeniedException(action,
          "user " + user.username() + " has role " + user.role() + ", which may not " + action);
    }
    return user.role();
  }

  /**
   * For driver actions: a driver may act only on an order assigned to them.
   *
   * @throws PermissionDeniedException when {@code role} is DRIVER and {@code assignedDriver} is
   *     not the actor
   */
  public static void requireAssigned(Role role, Actor actor, UUID assignedDriver, String action,
      String what) {
    if (role == Role.DRIVER && !actor.userId().equals(assignedDriver)) {
      throw new PermissionDeniedException(action, what + " is not assigned to this driver");
    }
  }
}
