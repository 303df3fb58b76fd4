package dev.restock.api.audit.port.in;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.HistoryEntry;
import java.util.List;
import java.util.UUID;

/** Answers who changed what, when and why. */
public interface HistoryQueries {

  /**
   * Revisions of one entity, oldest first, each with the fields it changed.
   *
   * @throws dev.restock.api.error.NotFoundException when the entity has no history at all
   */
  List<HistoryEntry> history(AuditedType type, UUID id);
}
