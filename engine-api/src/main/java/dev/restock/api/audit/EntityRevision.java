package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.util.Map;

/**
 * The state of one entity as written by one revision.
 *
 * @param info the revision
 * @param kind what the revision did to the entity
 * @param state audited fields and their values rendered as text (null values omitted); for a
 *     {@link RevisionKind#DELETED} revision, the last state before deletion
 */
@Stable(since = "0.1")
public record EntityRevision(RevisionInfo info, RevisionKind kind, Map<String, String> state) {
  public EntityRevision {
    state = Map.copyOf(state);
  }
}
