package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A place where devices stand. {@code address} may be null. */
@Stable(since = "0.1")
public record Location(
    UUID id, String name, @Nullable String address, long version, AuditStamp stamp, @Nullable Instant deletedAt)
    implements Aggregate {}
