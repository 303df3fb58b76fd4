package dev.restock.api.user;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person using the engine; username and email are unique among live users. */
@Stable(since = "0.1")
public record User(
    UUID id, String username, String email, Role role, boolean active, long version,
    AuditStamp stamp, @Nullable Instant deletedAt) implements Aggregate {

  /** The domain of every {@linkplain #erasedEmail erased} email; reserved, never deliverable. */
  @dev.restock.api.stability.Experimental(since = "0.3")
  public static final String ERASED_EMAIL_DOMAIN = "erased.invalid";

  /**
   * The email an erased user reads with: {@code erased-<id>@erased.invalid}, unique per user and
   * in the reserved {@code .invalid} top-level domain (RFC 2606), so it can never reach anyone.
   */
  @dev.restock.api.stability.Experimental(since = "0.3")
  public static String erasedEmail(UUID id) {
    return "erased-" + id + "@" + ERASED_EMAIL_DOMAIN;
  }

  /** Whether this user's personal data was erased ({@code UserManagement.erase}). */
  @dev.restock.api.stability.Experimental(since = "0.3")
  public boolean erased() {
    return email.equals(erasedEmail(id));
  }
}
