package dev.restock.web.security;

import dev.restock.api.user.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in person: the host's account, with the Restock user and role it acts as. */
public class RestockPrincipal extends User {
  private final UUID userId;
  private final Role role;

  RestockPrincipal(String username, String passwordHash, UUID userId, Role role, boolean active) {
    super(username, passwordHash, active, true, true, true,
        List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
    this.userId = userId;
    this.role = role;
  }

  /** The Restock user this account acts as. */
  public UUID userId() {
    return userId;
  }

  /** The Restock user's role when the person signed in. */
  public Role role() {
    return role;
  }
}
