package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.UUID;

/** How often one actor performed one action in a period, and when last (seed 000's summary). */
@Experimental(since = "0.1")
public record ActivitySummary(UUID actorId, String action, long count, Instant lastOccurrence) {}
