package dev.restock.core.audit;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.audit.port.in.HistoryQueries;
import dev.restock.api.error.NotFoundException;
import dev.restock.core.shared.CoreContext;
import dev.restock.core.shared.UseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/** History of one entity with field-by-field changes between consecutive revisions. */
public final class HistoryService extends UseCase implements HistoryQueries {

  public HistoryService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public List<HistoryEntry> history(AuditedType type, UUID id) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    List<EntityRevision> revisions = read(() -> store().history().revisions(type, id));
    if (revisions.isEmpty()) {
      throw new NotFoundException(type.label() + " history", id);
    }
    return diff(revisions);
  }

  /** Each revision compared with the one before; a deletion lists no changes. */
  static List<HistoryEntry> diff(List<EntityRevision> revisions) {
    List<HistoryEntry> entries = new ArrayList<>();
    Map<String, String> previous = Map.of();
    for (EntityRevision revision : revisions) {
      List<FieldChange> changes = new ArrayList<>();
      if (revision.kind() != RevisionKind.DELETED) {
        TreeSet<String> fields = new TreeSet<>(previous.keySet());
        fields.addAll(revision.state().keySet());
        for (String field : fields) {
          String before = previous.get(field);
          String after = revision.state().get(field);
          if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
          }
        }
        previous = revision.state();
      }
      entries.add(new HistoryEntry(revision.info(), revision.kind(), changes));
    }
    return entries;
  }
}
