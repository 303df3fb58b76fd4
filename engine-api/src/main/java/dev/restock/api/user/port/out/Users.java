package dev.restock.api.user.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.shared.port.out.Repository;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.Optional;

/** Stored users, listed by username. */
@Stable
public interface Users extends Repository<User> {

  Optional<User> findByUsername(String username);

  Optional<User> findByEmail(String email);

  /** The earliest created live, active user with this role. */
  Optional<User> findFirstActive(Role role);
}
