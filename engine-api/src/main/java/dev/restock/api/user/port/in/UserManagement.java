package dev.restock.api.user.port.in;

import dev.restock.api.shared.port.in.ManageAggregate;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import java.util.Optional;

/** Manage users. */
public interface UserManagement extends ManageAggregate<User, CreateUser, UpdateUser> {

  /** @throws dev.restock.api.error.NotFoundException when no live user has this username */
  User getByUsername(String username);

  /** The first live, active administrator, if there is one. */
  Optional<User> firstAdministrator();
}
