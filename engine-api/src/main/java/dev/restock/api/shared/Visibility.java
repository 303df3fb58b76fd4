package dev.restock.api.shared;

/** Which rows a read sees with respect to soft delete. */
public enum Visibility {
  /** Live rows only: the default everywhere. */
  LIVE,
  /** Live and soft-deleted rows. */
  INCLUDE_DELETED,
  /** Soft-deleted rows only. */
  ONLY_DELETED
}
