package dev.restock.api.user.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import java.util.Optional;
import java.util.UUID;

/** Manage users. */
@Stable(since = "0.1")
public interface UserManagement extends ManageAggregate<User, CreateUser, UpdateUser> {

  /**
   * Adds a user. An administrator is added by an active administrator; the only exception is the
   * <em>bootstrap</em>: while no administrator has ever existed in the store (deleted and demoted
   * ones count, history included), the built-in system actor may add one. Concurrent bootstraps
   * are serialized across threads and processes: exactly one succeeds.
   *
   * @throws dev.restock.api.error.ValidationException naming every broken rule
   * @throws dev.restock.api.error.ConflictException when the username or email is taken by a live
   *     user
   * @throws dev.restock.api.error.PermissionDeniedException when the system actor adds an
   *     administrator although one exists or has existed (a lost bootstrap race included)
   */
  @Override
  User create(CreateUser command);

  /**
   * Changes a user. Making someone an active administrator without an acting administrator
   * follows the bootstrap rule of {@link #create}; the last active administrator can be neither
   * deactivated nor demoted.
   *
   * @throws dev.restock.api.error.NotFoundException when no live user has this id
   * @throws dev.restock.api.error.IllegalStateTransitionException when the change would leave no
   *     active administrator, or deactivates a user holding open service orders
   * @throws dev.restock.api.error.PermissionDeniedException when the system actor makes an
   *     administrator although one exists or has existed
   */
  @Override
  User update(UUID id, UpdateUser command);

  /**
   * Soft-deletes a user, under the same rules as {@link #deactivate}: refused for the last active
   * administrator and for a user holding open service orders, so no order is left assigned to a
   * deleted user.
   *
   * @throws dev.restock.api.error.NotFoundException when no live user has this id
   * @throws dev.restock.api.error.IllegalStateTransitionException when the user is the last active
   *     administrator or holds open service orders (ASSIGNED or IN_PROGRESS; the message lists
   *     their numbers)
   */
  @Override
  void delete(UUID id);

  /**
   * Restores a soft-deleted user; restoring an administrator without an acting administrator
   * follows the bootstrap rule of {@link #create}, so the system actor cannot.
   *
   * @throws dev.restock.api.error.NotFoundException when no deleted user has this id
   * @throws dev.restock.api.error.PermissionDeniedException when the system actor restores an
   *     administrator
   */
  @Override
  User restore(UUID id);

  /** @throws dev.restock.api.error.NotFoundException when no live user has this username */
  User getByUsername(String username);

  /** The first live, active administrator, if there is one. */
  Optional<User> firstAdministrator();

  /**
   * Marks a user inactive: they can no longer act through the engine, their history stays.
   *
   * @throws dev.restock.api.error.NotFoundException when no live user has this id
   * @throws dev.restock.api.error.IllegalStateTransitionException while service orders assigned
   *     to the user are open (ASSIGNED or IN_PROGRESS; the message lists their numbers), or when
   *     the user is the last active administrator
   */
  User deactivate(UUID id);

  /**
   * Erases a person's personal data on request (data-protection erasure): see {@link
   * dev.restock.api.user.port.out.Users#erase}. Only an active administrator may erase, with a
   * reason, which the erasure's revision and audit event ({@code user.erase}) keep. The user is
   * left inactive with the email {@link User#erasedEmail(UUID)}; their id and username stay as
   * the pseudonym under which history keeps who did what, and the hash chain and every proof made
   * before the erasure stay valid.
   *
   * @throws dev.restock.api.error.ValidationException when the reason is missing or blank
   * @throws dev.restock.api.error.NotFoundException when no user, live or deleted, has this id
   * @throws dev.restock.api.error.IllegalStateTransitionException when the user holds open
   *     service orders (the message lists their numbers), is the last active administrator, or
   *     was erased already
   */
  @dev.restock.api.stability.Experimental(since = "0.3")
  User erase(UUID id, String reason);
}
