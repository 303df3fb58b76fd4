package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.util.List;

/** One revision of an entity with the fields it changed compared to the previous revision. */
@Stable(since = "0.1")
public record HistoryEntry(RevisionInfo info, RevisionKind kind, List<FieldChange> changes) {
  public HistoryEntry {
    changes = List.copyOf(changes);
  }
}
