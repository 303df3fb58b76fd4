package dev.restock.api.user.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.port.out.Repository;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.Optional;

/**
 * Stored users, in natural order by username, then id. Usernames and emails are each unique among
 * live users: {@link #add}, {@link #update} and {@link #restore} throw a {@link
 * dev.restock.api.error.ConflictException} whose message names the field ({@code username} or
 * {@code email}), and a deleted user's username and email may be taken again ({@code
 * StoreContract}, {@code EngineContract}). The rules all store ports follow are on {@link
 * dev.restock.api.spi.Store}; what every repository does is on {@link Repository}.
 */
@Stable(since = "0.1")
public interface Users extends Repository<User> {

  /**
   * The live user with this username. Deleted users are not seen, and the username is compared
   * exactly, case included ({@code "ann"} does not find {@code "Ann"}); both checked by the kit.
   */
  Optional<User> findByUsername(String username);

  /**
   * The live user with this email. Deleted users are not seen, and the email is compared exactly,
   * case included, domain too ({@code "ann@example.com"} does not find {@code "Ann@Example.com"});
   * both checked by the kit.
   */
  Optional<User> findByEmail(String email);

  /**
   * The earliest created live, active user with this role (ties broken by username); inactive and
   * deleted users are skipped. Empty when there is none.
   */
  Optional<User> findFirstActive(Role role);

  /**
   * How many live, active users have this role. Counts what the calling unit of work sees, its
   * own changes included (the engine counts administrators with it before one leaves; {@code
   * AdministrationContract}).
   */
  long countActive(Role role);

  /**
   * Whether any user ever had this role: a live or soft-deleted user who has it now, or any
   * recorded revision of a user's history in which they had it (a demoted or deleted
   * administrator still counts; {@code AdministrationContract}).
   */
  boolean everHeld(Role role);
}
