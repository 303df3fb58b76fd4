package dev.restock.api.user;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to change a user; null fields stay as they are. */
@Stable(since = "0.1")
public record UpdateUser(@Nullable String email, @Nullable Role role, @Nullable Boolean active) {
  public UpdateUser {
    email = email == null ? null : email.strip();
    Checks checks = new Checks().nested("", CreateUser.email(email, true));
    checks.throwIfAny();
  }
}
