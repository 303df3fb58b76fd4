package dev.restock.api.user;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person using the engine; username and email are unique among live users. */
@Stable(since = "0.1")
public record User(
    UUID id, String username, String email, Role role, boolean active, long version,
    AuditStamp stamp, @Nullable Instant deletedAt) implements Aggregate {}
