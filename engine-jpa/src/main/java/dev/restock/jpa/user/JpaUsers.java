package dev.restock.jpa.user;

import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.user.port.out.Users;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.query.Visibility;
import dev.restock.jpa.crypto.ErasureNotSupportedException;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.repository.Finds;
import dev.restock.jpa.tx.UnitOfWork;

/** Users in the JPA store. */
public final class JpaUsers extends JpaRepository<User, UserEntity> implements Users {
  public JpaUsers(StoreContext store) {
    super(UserEntity.class, "app_user", "username", true, store);
  }

  @Override protected User toDomain(UserEntity e, Instant deletedAt) { return e.toDomain(deletedAt, store.crypto()); }
  @Override protected UserEntity newEntity(User u) { return new UserEntity(u, store.crypto()); }
  @Override protected void copy(User u, UserEntity e) { e.copy(u, store.crypto()); }
  @Override protected String equalityIndex(String column) {
    return store.crypto().enabled() && column.equals("email") ? "email_hmac" : null;
  }
  @Override protected String what() { return "user"; }
  @Override protected String orderProperty() { return "username"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.USER; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("username", "username", "email", "email", "role", "role", "active", "active");
  }
  /** The email is not searched as text: it may be sealed (see {@link #equalityIndex}). */
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("username"); }

  @Override
  public Optional<User> findByUsername(String username) {
    return session().createSelectionQuery("from UserEntity e where e.username = :u", UserEntity.class)
        .setParameter("u", username).getResultStream().findFirst().map(e -> toDomain(e, null));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    if (store.crypto().enabled()) {
      return session().createSelectionQuery("from UserEntity e where e.emailHmac = :m",
              UserEntity.class)
          .setParameter("m", store.crypto().index(UserEntity.TABLE, "email", email))
          .getResultStream().findFirst().map(e -> toDomain(e, null)).map(u -> {
            // the index is only a pointer: a copied or altered HMAC must not answer with the
            // wrong user
            if (!u.email().equals(email)) {
              throw new dev.restock.jpa.repository.EqualityIndexMismatchException(
                  UserEntity.TABLE, "email", u.id());
            }
            return u;
          })
          // a plain row: written by a process without keys after this store sealed the
          // database's plain values at open (SealExisting)
          .or(() -> plainByEmail(email));
    }
    return plainByEmail(email);
  }

  /**
   * A row whose email is plain (no index): never a sealed row, whose stored ciphertext (copied
   * from a backup, say) must not stand in for the email it hides.
   */
  private Optional<User> plainByEmail(String email) {
    if (FieldCrypto.isSealed(email)) {
      return Optional.empty();
    }
    return session().createSelectionQuery(
            "from UserEntity e where e.email = :m and e.emailHmac is null", UserEntity.class)
        .setParameter("m", email).getResultStream().findFirst().map(e -> toDomain(e, null));
  }

  @Override
  public Optional<User> findFirstActive(Role role) {
    return session().createSelectionQuery(
            "from UserEntity e where e.role = :r and e.active = true order by e.createdAt, "
                + store.dialect().hqlTextSortKey("e.username"),
            UserEntity.class)
        .setParameter("r", role).setMaxResults(1).getResultStream().findFirst()
        .map(e -> toDomain(e, null));
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

  /**
   * Crypto-shredding: the live row's email becomes the placeholder sealed under the store's
   * data key and the user inactive (an audited change, the erasure's revision), then the user's
   * data keys are destroyed, so every earlier copy of the email (history rows, older backups)
   * stays as it was but can no longer be read. A soft-deleted user's row gets the same placeholder,
   * index and deactivation by a native update (see {@link #eraseDeleted}). Without keys the history cannot be
   * reached, so erasure is refused.
   */
  @Override
  public void erase(UUID id) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    if (!store.crypto().enabled()) {
      throw new ErasureNotSupportedException("erasing a user needs a store that encrypts "
          + "personal data: without keys its email stays readable in history and backups; "
          + "open the store with JpaStoreConfig.withKeys(...) or restock.keys.file");
    }
    refusePlainHistory(id);
    UserEntity live = Finds.find(session(), UserEntity.class, id);
    if (live != null) {
      live.erase(store.crypto());
      live.stampUpdated(unit.context().actor(), now());
      session().flush();
    } else if (find(id, Visibility.INCLUDE_DELETED).isEmpty()) {
      throw new NotFoundException(what(), id);
    } else {
      eraseDeleted(id);
    }
    store.crypto().shred(FieldCrypto.userSubject(id));
  }

  /**
   * Refuses, before anything is written, to erase a user whose email is still plain text in
   * history rows written before the store had keys: the hash chain covers that text, so it
   * cannot be made unreadable without breaking {@code audit verify}, and an erasure would promise
   * what it cannot keep (docs/personal-data.md, "Turning keys on for an existing database").
   */
  private void refusePlainHistory(UUID id) {
    long plain = ((Number) session().createNativeQuery("select count(*) from app_user_aud "
            + "where id = :id and email is not null and substr(email, 1, 5) <> 'ENC1.'", Object.class)
        .setParameter("id", id.toString()).getSingleResult()).longValue();
    if (plain > 0) {
      throw new ErasureNotSupportedException("user " + id + " cannot be erased: " + plain
          + " history row(s) hold the email in plain text, written before the store had keys;"
          + " the hash chain covers that text, so it cannot be made unreadable without breaking"
          + " 'audit verify'. Nothing was written (see docs/personal-data.md, \"Turning keys on"
          + " for an existing database\")");
    }
  }

  /**
   * A soft-deleted row is hidden from Hibernate, so it gets the same placeholder, its equality
   * index and {@code active=false} by a bound native update: otherwise a restore would bring
   * back the old email's index and the old email would find the user again. The erasure itself
   * is recorded as the use case's revision.
   */
  private void eraseDeleted(UUID id) {
    String placeholder = User.erasedEmail(id);
    int rows = session().createNativeMutationQuery(
            "update app_user set email = :e, email_hmac = :h, active = :a where id = :id")
        .setParameter("e", store.crypto().seal(UserEntity.TABLE, "email", FieldCrypto.STORE,
            placeholder, null))
        .setParameter("h", store.crypto().index(UserEntity.TABLE, "email", placeholder))
        .setParameter("a", false)
        .setParameter("id", id.toString())
        .executeUpdate();
    if (rows != 1) {
      throw new NotFoundException(what(), id);
    }
  }
}
