package dev.restock.api.user.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.shared.port.in.ManageAggregate;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import java.util.Optional;
import java.util.UUID;

/** Manage users. */
@Stable
public interface UserManagement extends ManageAggregate<User, CreateUser, UpdateUser> {

  /** @throws dev.restock.api.error.NotFoundException when no live user has this username */
  User getByUsername(String username);

  /** The first live, active administrator, if there is one. */
  Optional<User> firstAdministrator();

  /**
   * Marks a user inactive: they can no longer act through the engine, their history stays.
   *
   * @throws dev.restock.api.error.NotFoundException when no live user has this id
   * @throws dev.restock.api.error.IllegalStateTransitionException while service orders assigned
   *     to the user are open (ASSIGNED or IN_PROGRESS); the message lists their numbers
   */
  User deactivate(UUID id);
}
