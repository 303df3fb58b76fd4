package dev.restock.api.tenant;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One operator served by a multi-tenant engine.
 *
 * @param id the tenant's id: {@link #ID_RULE}, unique for ever (a retired tenant's id is not
 *     given again); it names the tenant's storage (file, schema or database), which is why it is
 *     so restricted
 * @param name a display name
 * @param status whether the tenant is served
 * @param placement where the tenant's data lives, as its directory names it (a file, a schema, a
 *     shard); for display and operations only
 * @param createdAt when it was added
 * @param createdBy the id of the actor who added it
 * @param retiredAt when it was retired, or null
 * @param retiredBy the id of the actor who retired it, or null
 * @since 0.3
 */
@Experimental(since = "0.3")
public record Tenant(
    String id, String name, Status status, String placement, Instant createdAt, UUID createdBy,
    @Nullable Instant retiredAt, @Nullable UUID retiredBy) {

  /** What a tenant id must look like, in words. */
  public static final String ID_RULE =
      "1 to 30 characters: lower-case ASCII letters, digits and '_', starting with a letter";

  /** Longest tenant id. */
  public static final int MAX_ID = 30;

  /** Longest display name. */
  public static final int MAX_NAME = 200;

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  /** Whether a tenant is served. */
  public enum Status {
    /** Served: {@code engine.tenant(id)} answers. */
    ACTIVE,
    /**
     * No longer served: {@code engine.tenant(id)} is refused; its storage is kept (until the
     * operator removes it) and its id is never given again.
     */
    RETIRED
  }

  /** Checks the components. */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** Whether {@code id} follows {@link #ID_RULE}. */
  public static boolean isValidId(@Nullable String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Whether the tenant is served. */
  public boolean active() {
    return status == Status.ACTIVE;
  }
}
