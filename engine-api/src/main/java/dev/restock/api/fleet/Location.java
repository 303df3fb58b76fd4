package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;

/** A place where devices stand. {@code address} may be null. */
@Stable(since = "0.1")
public record Location(
    UUID id, String name, String address, long version, AuditStamp stamp, Instant deletedAt)
    implements Aggregate {}
