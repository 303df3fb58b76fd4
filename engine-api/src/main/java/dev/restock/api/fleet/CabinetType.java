package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A kind of cabinet (ambient, chilled, frozen...). */
@Stable(since = "0.1")
public record CabinetType(UUID id, String name, long version, AuditStamp stamp, @Nullable Instant deletedAt)
    implements Aggregate {}
