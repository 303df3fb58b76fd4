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
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "app_user")
@Audited
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class UserEntity extends BaseEntity {
  @Column(name = "username", length = 64, nullable = false)
  private String username;

  @Column(name = "email", length = 254, nullable = false)
  private String email;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "role", length = 16, nullable = false)
  private Role role;

  @Column(name = "active", nullable = false)
  private boolean active;

  protected UserEntity() {}

  public UserEntity(User u) {
    this.id = u.id();
    this.username = u.username();
    copy(u);
  }

  public void copy(User u) {
    email = u.email();
    role = u.role();
    active = u.active();
  }

  public User toDomain(Instant deletedAt) {
    return new User(id, username, email, role, active, version, stamp(), deletedAt);
  }

  @Override
  public Map<String, String> auditState() {
    return new AuditState().put("username", username).put("email", email).put("role", role)
        .put("active", active).map();
  }
}
