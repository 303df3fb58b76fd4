package dev.restock.api.audit;

/** What a revision did to one entity. A restore is a {@link #MODIFIED} with action {@code *.restore}. */
public enum RevisionKind {
  CREATED,
  MODIFIED,
  DELETED
}
