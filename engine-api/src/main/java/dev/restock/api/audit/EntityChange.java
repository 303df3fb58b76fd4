package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.UUID;

/** One entity written by one revision: the answer to "what did this actor change". */
@Experimental(since = "0.1")
public record EntityChange(RevisionInfo info, AuditedType type, UUID id, RevisionKind kind) {}
