package dev.restock.jpa.user;

import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.user.port.out.Users;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;
import java.util.Optional;

/** Users in the JPA store. */
public final class JpaUsers extends JpaRepository<User, UserEntity> implements Users {
  public JpaUsers(StoreContext store) {
    super(UserEntity.class, "app_user", "username", true, store);
  }

  @Override protected User toDomain(UserEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected UserEntity newEntity(User u) { return new UserEntity(u); }
  @Override protected void copy(User u, UserEntity e) { e.copy(u); }
  @Override protected String what() { return "user"; }
  @Override protected String orderProperty() { return "username"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.USER; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("username", "username", "email", "email", "role", "role", "active", "active");
  }
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("username", "email"); }

  @Override
  public Optional<User> findByUsername(String username) {
    return session().createSelectionQuery("from UserEntity e where e.username = :u", UserEntity.class)
        .setParameter("u", username).getResultStream().findFirst().map(e -> e.toDomain(null));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return session().createSelectionQuery("from UserEntity e where e.email = :m", UserEntity.class)
        .setParameter("m", email).getResultStream().findFirst().map(e -> e.toDomain(null));
  }

  @Override
  public Optional<User> findFirstActive(Role role) {
    return session().createSelectionQuery(
            "from UserEntity e where e.role = :r and e.active = true order by e.createdAt, "
                + store.dialect().hqlTextSortKey("e.username"),
            UserEntity.class)
        .setParameter("r", role).setMaxResults(1).getResultStream().findFirst()
        .map(e -> e.toDomain(null));
  }

  @Override
  public long countActive(Role role) {
    return session().createSelectionQuery(
            "select count(e) from UserEntity e where e.role = :r and e.active = true", Long.class)
        .setParameter("r", role).getSingleResult();
  }

  /**
   * Native SQL, since Hibernate hides soft-deleted rows from every HQL query; the history table
   * keeps every revision's role, so a demoted administrator is found there.
   */
  @Override
  public boolean everHeld(Role role) {
    return exists("select count(*) from app_user where role = :r", role)
        || exists("select count(*) from app_user_aud where role = :r", role);
  }

  private boolean exists(String countSql, Role role) {
    return ((Number) session().createNativeQuery(countSql, Object.class)
        .setParameter("r", role.name()).getSingleResult()).longValue() > 0;
  }

  @Override
  public void erase(java.util.UUID id) {
    // PLACEHOLDER (integration branch only): replaced by the issue 20 helpers before main
    throw new IllegalStateException("erase is not built yet");
  }
}
