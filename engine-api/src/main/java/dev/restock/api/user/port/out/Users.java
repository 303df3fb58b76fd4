package dev.restock.api.user.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.port.out.Repository;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.Optional;

/** Stored users, listed by username. */
@Stable(since = "0.1")
public interface Users extends Repository<User> {

  Optional<User> findByUsername(String username);

  Optional<User> findByEmail(String email);

  /** The earliest created live, active user with this role. */
  Optional<User> findFirstActive(Role role);

  /**
   * How many live, active users have this role. Called inside a unit of work; counts what that
   * unit sees, its own changes included.
   */
  long countActive(Role role);

  /**
   * Whether any user ever had this role: a live or soft-deleted user who has it now, or any
   * recorded revision of a user's history in which they had it (a demoted or deleted
   * administrator still counts). Called inside a unit of work.
   */
  boolean everHeld(Role role);
}
