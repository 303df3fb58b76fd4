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

  /**
   * Erases the personal data of this user (live or soft-deleted) from everything the store
   * keeps: the live row, every revision of its history, and everything written from now on,
   * backups included. Afterwards the user reads with the email {@link
   * dev.restock.api.user.User#erasedEmail(java.util.UUID)} and inactive, {@link #findByEmail} no
   * longer finds the old email (which a new user may then take), and history shows {@code
   * [erased]} in place of each erased value. The user's id and username stay, as the pseudonym
   * under which revisions keep who did what. A store that encrypts destroys the user's data key
   * (crypto-shredding) so that history rows, and their hash chain, stay as they were; a store that
   * does not replaces the values. Runs in the caller's unit of work, which records the erasure as
   * a revision ({@code ErasureContract}).
   *
   * <p>The port records no audit event: the caller must add, in the same unit of work, the
   * {@code user.erase} audit event about the user (resource type {@code user}, the user's id),
   * as the engine's {@code UserManagement.erase} does. An erasure made through the port without
   * that chained event cannot be told from one faked behind the store's back, and {@code audit
   * verify} reports it (so checkpoints, restores and tenant moves then refuse the database).
   *
   * @throws dev.restock.api.error.NotFoundException when no user, live or deleted, has this id
   */
  @dev.restock.api.stability.Experimental(since = "0.3")
  void erase(java.util.UUID id);
}
