package dev.restock.api.query;

import dev.restock.api.stability.Stable;
/** Which rows a read sees with respect to soft delete. */
@Stable(since = "0.1")
public enum Visibility {
  /** Live rows only: the default everywhere. */
  LIVE,
  /** Live and soft-deleted rows. */
  INCLUDE_DELETED,
  /** Soft-deleted rows only. */
  ONLY_DELETED
}
