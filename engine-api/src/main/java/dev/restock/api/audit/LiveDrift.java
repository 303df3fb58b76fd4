package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A live row that disagrees with its latest audited state: someone changed the table without
 * going through the engine.
 *
 * @param type the entity's type
 * @param id its id
 * @param field the field that differs, or {@code "*"} when the row has no history at all or its
 *     history says it was deleted
 * @param audited the value the history holds (null when none)
 * @param live the value the live row holds (null when none)
 */
@Experimental(since = "0.1")
public record LiveDrift(AuditedType type, UUID id, String field, @Nullable String audited, @Nullable String live) {}
