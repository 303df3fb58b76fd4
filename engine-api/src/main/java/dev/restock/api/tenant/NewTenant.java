package dev.restock.api.tenant;

import dev.restock.api.stability.Experimental;
import org.jspecify.annotations.Nullable;

/**
 * A tenant to add.
 *
 * @param id the new tenant's id, following {@link Tenant#ID_RULE}
 * @param name its display name, 1 to {@link Tenant#MAX_NAME} characters
 * @param placement where to place it among the directory's places (a shard id), or null for the
 *     directory's default
 * @since 0.3
 */
@Experimental(since = "0.3")
public record NewTenant(String id, String name, @Nullable String placement) {

  /** A tenant placed where the directory places new tenants. */
  public NewTenant(String id, String name) {
    this(id, name, null);
  }
}
