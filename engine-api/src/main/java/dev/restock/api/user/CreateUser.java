package dev.restock.api.user;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Command to add a user; an email in {@link User#ERASED_EMAIL_DOMAIN} is refused. */
@Stable(since = "0.1")
public record CreateUser(String username, String email, Role role) {
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** The violations of an email address (none for a null one when it is {@code optional}). */
  static java.util.List<dev.restock.api.error.Violation> email(@Nullable String email, boolean optional) {
    Checks checks = new Checks();
    if (email == null && optional) {
      return checks.violations();
    }
    checks.identifier(email, "email", 254);
    if (checks.ok()) {
      checks.check(EMAIL.matcher(email).matches(), "email", "is not an email address");
    }
    if (checks.ok()) {
      // User.erased() is read from this domain: an email in it would fake an erasure
      String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
      checks.check(!domain.equals(User.ERASED_EMAIL_DOMAIN)
              && !domain.endsWith("." + User.ERASED_EMAIL_DOMAIN), "email",
          "is in the domain " + User.ERASED_EMAIL_DOMAIN + ", which is reserved for erased users");
    }
    return checks.violations();
  }

  public CreateUser {
    username = username == null ? null : username.strip();
    email = email == null ? null : email.strip();
    Checks checks = new Checks().identifier(username, "username", 64);
    if (username != null && !username.isBlank()) {
      checks.check(USERNAME.matcher(username).matches(), "username",
          "may hold only letters, digits, '.', '_' and '-'");
    }
    checks.nested("", email(email, false));
    checks.notNull(role, "role");
    checks.throwIfAny();
  }
}
