package dev.restock.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed unit of work as history sees it.
 *
 * @param number revision number, increasing with commit order
 * @param at commit time
 * @param actorId who acted
 * @param action what the unit of work did, e.g. {@code product.update}
 * @param reason optional reason given by the actor
 * @param clientAddress optional client address
 * @param userAgent optional user agent
 */
public record RevisionInfo(
    long number, Instant at, UUID actorId, String action, String reason, String clientAddress,
    String userAgent) {}
