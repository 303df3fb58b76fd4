package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.UUID;

/**
 * How often one actor performed one action in a period, and when last: a line of the activity
 * summary.
 *
 * @param actorId who performed the action
 * @param action the action, e.g. {@code product.create}
 * @param count how many times in the period
 * @param lastOccurrence the time of the latest one
 */
@Experimental(since = "0.1")
public record ActivitySummary(UUID actorId, String action, long count, Instant lastOccurrence) {}
