package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service route driven by one driver.
 *
 * @param code short code, unique among live routes
 * @param visitIntervalDays days between visits, 1..60
 */
@Stable(since = "0.1")
public record Route(
    UUID id, String code, String name, int visitIntervalDays, long version, AuditStamp stamp,
    @Nullable Instant deletedAt) implements Aggregate {}
