package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.user.port.out.Users;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.NotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Users, listed by username; username and email are unique among live users. */
final class MemoryUsers extends MemoryRepository<User> implements Users {
  MemoryUsers(MemoryDb db) {
    super(db, AuditedType.USER, "user", User::username,
        List.of(new Unique<>(User::username, "a live user already has this username"),
            new Unique<>(User::email, "a live user already has this email")),
        // email is personal data: equality only, never free text (SearchFields)
        List.of(User::username),
        Map.of("username", User::username, "email", User::email, "role", User::role,
            "active", User::active));
  }

  @Override
  protected User with(User u, long version, AuditStamp stamp, Instant deletedAt) {
    return new User(u.id(), u.username(), u.email(), u.role(), u.active(), version, stamp,
        deletedAt);
  }

  @Override
  protected Map<String, String> state(User u) {
    return MemoryStates.user(u);
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return findLive(u -> u.username().equals(username));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return findLive(u -> email.equals(u.email()));
  }

  @Override
  public Optional<User> findFirstActive(Role role) {
    return db.one(live().filter(u -> u.role() == role && u.active())
        .min(Comparator.comparing((User u) -> u.stamp().createdAt())
            .thenComparing(User::username)));
  }

  @Override
  public long countActive(Role role) {
    long count = live().filter(u -> u.role() == role && u.active()).count();
    return db.counted(count, 1);
  }

  @Override
  public boolean everHeld(Role role) {
    // the table keeps deleted rows; a user's history keeps the roles they had before
    boolean held = table.all().stream().anyMatch(u -> u.role() == role
        || db.history.revisions(AuditedType.USER, u.id()).stream()
            .anyMatch(r -> role.name().equals(r.state().get("role"))));
    return db.counted(held, 1);
  }

  /**
   * The memory store does not encrypt, so it replaces the values: the email of the row becomes
   * the placeholder, the row inactive, and every recorded state of the user reads {@code
   * [erased]} for the email; the chain hashed salted commitments of it, which stay, so {@code
   * verify} and earlier proofs hold. The erasure is recorded as a modification in the current
   * revision.
   */
  @Override
  public void erase(UUID id) {
    Objects.requireNonNull(id, "id");
    Actor actor = db.actor();
    User current = table.get(id);
    if (current == null) {
      throw new NotFoundException("user", id);
    }
    db.history.erase(AuditedType.USER, id, MemoryHistory.PERSONAL.get(AuditedType.USER));
    User erased = new User(id, current.username(), User.erasedEmail(id), current.role(), false,
        current.version() + 1, Stamps.updated(current.stamp(), actor, db.now()),
        current.deletedAt());
    table.put(id, erased);
    db.history.record(AuditedType.USER, id, RevisionKind.MODIFIED, state(erased));
    db.updates.incrementAndGet();
  }
}
