package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.UUID;

/** Who deleted an entity, when, and why: the revision that deleted it. */
@Experimental(since = "0.1")
public record DeletionInfo(AuditedType type, UUID id, RevisionInfo info) {}
