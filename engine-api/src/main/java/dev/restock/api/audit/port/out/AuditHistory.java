package dev.restock.api.audit.port.out;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import java.util.List;
import java.util.UUID;

/** Reads the history a store keeps of audited entities. Call inside a unit of work. */
public interface AuditHistory {

  /**
   * Every revision of one entity, oldest first, including its deletion and restores. Empty when
   * the entity never existed.
   */
  List<EntityRevision> revisions(AuditedType type, UUID id);
}
