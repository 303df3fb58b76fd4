package dev.restock.core.user;

import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.spi.Store;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;

/**
 * Who may administer: a store always keeps an active administrator once it has had one, and an
 * administrator is made without an acting administrator (the bootstrap) only while none has ever
 * existed. Call inside the changing unit of work, before anything is written.
 *
 * <p>Both rules read and then write, which races on databases that run units in READ COMMITTED
 * (PostgreSQL, H2): two units could each see "no administrator yet", or each see "another
 * administrator remains" and remove both. So each check first takes the next value of a
 * dedicated number series. {@link dev.restock.api.serviceorder.port.out.NumberSeries} promises that
 * concurrent callers wait for each other until commit, across threads and processes, on every
 * store; the reads that follow then see what the unit before committed.
 */
public final class Administrators {
  /** The series used as the administration lock; its value counts the guarded changes. */
  static final String LOCK_SERIES = "restock.administration";

  private Administrators() {}

  /** Serializes this unit of work with every other one that adds or removes administrators. */
  public static void lock(Store store) {
    store.numberSeries().next(LOCK_SERIES);
  }

  /**
   * Refuses to make an administrator without an acting administrator once one has ever existed.
   *
   * @throws PermissionDeniedException naming {@code action}
   */
  public static void requireBootstrap(Store store, String action) {
    lock(store);
    if (store.users().everHeld(Role.ADMIN)) {
      throw new PermissionDeniedException(action, "this store has or has had an administrator, "
          + "so only an active administrator may make another (the first-administrator "
          + "bootstrap is over)");
    }
  }

  /**
   * Refuses to take the last active administrator away ({@code change}: "deactivate",
   * "delete", "demote"). Nothing is checked when {@code user} is not an active administrator.
   *
   * @throws IllegalStateTransitionException when no other live, active administrator remains
   */
  public static void requireAnotherActive(Store store, User user, String change) {
    if (user.role() != Role.ADMIN || !user.active() || user.deletedAt() != null) {
      return;
    }
    lock(store);
    if (store.users().countActive(Role.ADMIN) <= 1) {
      throw new IllegalStateTransitionException("cannot " + change + " user " + user.username()
          + ": they are the last active administrator; make another user an active "
          + "administrator first");
    }
  }

  /** Whether {@code user} is a live, active administrator. */
  static boolean administers(User user) {
    return user != null && user.role() == Role.ADMIN && user.active() && user.deletedAt() == null;
  }
}
