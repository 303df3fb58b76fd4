package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A model of vending machine; {@code maxCabinets} is 1..3. */
@Stable(since = "0.1")
public record DeviceType(
    UUID id, String name, int maxCabinets, long version, AuditStamp stamp, @Nullable Instant deletedAt)
    implements Aggregate {}
