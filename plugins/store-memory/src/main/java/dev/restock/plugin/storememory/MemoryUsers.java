package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.user.port.out.Users;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users, listed by username; username and email are unique among live users. */
final class MemoryUsers extends MemoryRepository<User> implements Users {
  MemoryUsers(MemoryDb db) {
    super(db, AuditedType.USER, "user", User::username,
        List.of(new Unique<>(User::username, "a live user already has this username"),
            new Unique<>(User::email, "a live user already has this email")),
        List.of(User::username, User::email),
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

  @Override
  public void erase(java.util.UUID id) {
    // PLACEHOLDER (integration branch only): replaced by the issue 20 helpers before main
    throw new IllegalStateException("erase is not built yet");
  }
}
