package dev.restock.api.aggregate;

import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What every stored aggregate has: identity, optimistic version, audit stamp, soft-delete time. */
@Stable(since = "0.1")
public interface Aggregate {
  UUID id();

  /** Optimistic-lock version; 0 before the first store. */
  long version();

  AuditStamp stamp();

  /** When the aggregate was soft-deleted, or null while it is live. */
  @Nullable Instant deletedAt();

  default boolean deleted() {
    return deletedAt() != null;
  }
}
