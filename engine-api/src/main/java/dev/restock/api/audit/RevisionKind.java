package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
/** What a revision did to one entity. A restore is a {@link #MODIFIED} with action {@code *.restore}. */
@Stable(since = "0.1")
public enum RevisionKind {
  CREATED,
  MODIFIED,
  DELETED
}
