package dev.restock.jpa.config;

import dev.restock.api.stability.Experimental;
import java.time.Duration;

/**
 * What a store with a {@link ReadReplica} knows about it and has done with it since it opened
 * ({@code JpaStore.replica()}).
 *
 * @param replica the replica's URL, credentials masked
 * @param usable whether the last measurement found the replica answering, in recovery and within
 *     its staleness bound (read-only units go to it, unless a write of this store is not yet
 *     replayed there)
 * @param staleness how far behind the primary the last measurement found it; null when it could
 *     not be measured (not answering, not a replica, nothing replayed yet)
 * @param problem why it is not usable; null when it is
 * @param replicaReads read-only units the replica served
 * @param primaryReads read-only units that went to the primary instead (replica stale, down, or
 *     behind this store's own writes), fallbacks not included
 * @param fallbacks read-only units that failed on the replica for want of it and ran again on the
 *     primary
 * @param checks staleness measurements made
 */
@Experimental(since = "0.3")
public record ReplicaStatus(String replica, boolean usable, Duration staleness, String problem,
    long replicaReads, long primaryReads, long fallbacks, long checks) {}
