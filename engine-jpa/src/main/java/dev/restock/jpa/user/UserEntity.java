package dev.restock.jpa.user;

import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.jpa.mapping.AuditState;
import dev.restock.jpa.mapping.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.repository.ReservedPrefix;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "app_user")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class UserEntity extends BaseEntity implements dev.restock.jpa.crypto.PlainPersonalValues {
  static final String TABLE = "app_user";

  @Column(name = "username", length = 64, nullable = false)
  private String username;

  /** Plain, or sealed under the user's data key when the store has keys ({@link FieldCrypto}). */
  @Column(name = "email", length = 1500, nullable = false)
  private String email;

  /** The equality index of the email; never audited, so it never lands in history. */
  @NotAudited
  @Column(name = "email_hmac", length = 64)
  private String emailHmac;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "role", length = 16, nullable = false)
  private Role role;

  @Column(name = "active", nullable = false)
  private boolean active;

  protected UserEntity() {}

  public UserEntity(User u, FieldCrypto crypto) {
    this.id = u.id();
    this.username = u.username();
    copy(u, crypto);
  }

  public void copy(User u, FieldCrypto crypto) {
    ReservedPrefix.refuse("email", u.email());
    email = crypto.seal(TABLE, "email", FieldCrypto.userSubject(id), u.email(), email);
    emailHmac = crypto.index(TABLE, "email", u.email());
    role = u.role();
    active = u.active();
  }

  /**
   * Replaces the email with the placeholder of an erased user, sealed under the store's data
   * key (the user's is destroyed next), and deactivates the user.
   */
  public void erase(FieldCrypto crypto) {
    String placeholder = User.erasedEmail(id);
    email = crypto.seal(TABLE, "email", FieldCrypto.STORE, placeholder, null);
    emailHmac = crypto.index(TABLE, "email", placeholder);
    active = false;
  }

  @Override
  public int sealPlain(FieldCrypto crypto) {
    if (email == null || FieldCrypto.isSealed(email)) {
      return 0;
    }
    String plain = email;
    email = crypto.seal(TABLE, "email", FieldCrypto.userSubject(id), plain, null);
    emailHmac = crypto.index(TABLE, "email", plain);
    return 1;
  }

  public User toDomain(Instant deletedAt, FieldCrypto crypto) {
    String plain = crypto.open(TABLE, "email", id, email);
    // a soft-deleted user erased keeps its row as it was: its email's key is gone
    return new User(id, username, FieldCrypto.ERASED.equals(plain) ? User.erasedEmail(id) : plain,
        role, active, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("username", username).put("email", email).put("role", role)
        .put("active", active).map();
  }
}
