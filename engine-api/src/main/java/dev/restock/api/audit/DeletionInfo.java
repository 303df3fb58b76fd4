package dev.restock.api.audit;

import java.util.UUID;

/** Who deleted an entity, when, and why: the revision that deleted it. */
public record DeletionInfo(AuditedType type, UUID id, RevisionInfo info) {}
