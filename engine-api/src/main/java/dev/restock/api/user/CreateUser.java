package dev.restock.api.user;

import dev.restock.api.stability.Stable;
import dev.restock.api.shared.Checks;
import java.util.regex.Pattern;

/** Command to add a user. */
@Stable
public record CreateUser(String username, String email, Role role) {
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public CreateUser {
    username = username == null ? null : username.strip();
    email = email == null ? null : email.strip();
    Checks checks = new Checks().text(username, "username", 64);
    if (username != null && !username.isBlank()) {
      checks.check(USERNAME.matcher(username).matches(), "username",
          "may hold only letters, digits, '.', '_' and '-'");
    }
    checks.text(email, "email", 254);
    if (email != null && !email.isBlank()) {
      checks.check(EMAIL.matcher(email).matches(), "email", "is not an email address");
    }
    checks.notNull(role, "role");
    checks.throwIfAny();
  }
}
