package dev.restock.core.user;

import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import dev.restock.api.user.port.in.UserManagement;
import dev.restock.api.user.port.out.Users;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import dev.restock.core.usecase.References;
import dev.restock.api.error.IllegalStateTransitionException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** User use cases. */
public final class UserService extends CrudUseCase<User, CreateUser, UpdateUser>
    implements UserManagement {

  public UserService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "user");
  }

  @Override
  protected Users repository() {
    return store().users();
  }

  @Override
  protected User build(UUID id, CreateUser c) {
    return new User(id, c.username(), c.email(), c.role(), true, 0, AuditStamp.NEW, null);
  }

  @Override
  protected User apply(User u, UpdateUser c) {
    return new User(u.id(), u.username(), pick(c.email(), u.email()), pick(c.role(), u.role()),
        pick(c.active(), u.active()), u.version(), u.stamp(), u.deletedAt());
  }

  @Override
  protected void check(User candidate, Checks checks) {
    // the live row before the change: none when creating, nor when restoring (the candidate is
    // then the deleted row, which a store may still hold in its unit of work)
    User before = candidate.deletedAt() != null ? null
        : repository().find(candidate.id(), Visibility.LIVE).orElse(null);
    boolean administersAfter = candidate.role() == Role.ADMIN && candidate.active();
    if (Administrators.administers(before) && !administersAfter) {
      Administrators.requireAnotherActive(store(), before,
          candidate.role() != Role.ADMIN ? "demote" : "deactivate");
    }
    if (actor.isSystem() && administersAfter && !Administrators.administers(before)) {
      Administrators.requireBootstrap(store(), "user." + (before != null ? "update"
          : candidate.deletedAt() != null ? "restore" : "create"));
    }
    if (!candidate.active()) {
      refuseWhileHoldingOpenOrders(candidate);
    }
    References.unique(repository().findByUsername(candidate.username()), candidate.id(), "user",
        "username", candidate.username());
    References.unique(repository().findByEmail(candidate.email()), candidate.id(), "user", "email",
        candidate.email());
  }

  @Override
  public User getByUsername(String username) {
    Objects.requireNonNull(username, "username");
    return read(() -> repository().findByUsername(username.strip())
        .orElseThrow(() -> new NotFoundException("user", username)));
  }

  @Override
  public Optional<User> firstAdministrator() {
    return read(() -> repository().findFirstActive(Role.ADMIN));
  }

  @Override
  public User deactivate(UUID id) {
    Objects.requireNonNull(id, "id");
    return write("user.deactivate", () -> {
      User user = live(id);
      Administrators.requireAnotherActive(store(), user, "deactivate");
      refuseWhileHoldingOpenOrders(user);
      return user.active() ? repository().update(new User(user.id(), user.username(),
          user.email(), user.role(), false, user.version(), user.stamp(), user.deletedAt())) : user;
    });
  }

  /** Delete follows deactivate's rules, so no open order is left with a deleted driver. */
  @Override
  protected void beforeDelete(User user) {
    Administrators.requireAnotherActive(store(), user, "delete");
    refuseWhileHoldingOpenOrders(user);
  }

  private void refuseWhileHoldingOpenOrders(User user) {
    List<String> open = store().serviceOrders().openOrderNumbers(user.id());
    if (!open.isEmpty()) {
      throw new IllegalStateTransitionException("user " + user.username() + " holds open "
          + "service orders " + String.join(", ", open) + "; complete, cancel or reassign them "
          + "first");
    }
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.USER;
  }

  /**
   * Erasure: only an active administrator, with a reason the revision and the audit event keep.
   * Every refusal (open orders, last administrator, erased already) is checked before the store
   * erases anything, in the same unit of work.
   */
  @Override
  public User erase(UUID id, String reason) {
    Objects.requireNonNull(id, "id");
    new Checks().text(reason, "reason", Actor.MAX_REASON).throwIfAny();
    return write("user.erase", reason, () -> {
      User user = repository().find(id, Visibility.INCLUDE_DELETED)
          .orElseThrow(() -> new NotFoundException("user", id));
      if (user.erased()) {
        throw new IllegalStateTransitionException("cannot erase user " + user.username()
            + ": their personal data was erased already");
      }
      Administrators.requireAnotherActive(store(), user, "erase");
      refuseWhileHoldingOpenOrders(user);
      repository().erase(id);
      return repository().find(id, Visibility.INCLUDE_DELETED)
          .orElseThrow(() -> new NotFoundException("user", id));
    });
  }
}
