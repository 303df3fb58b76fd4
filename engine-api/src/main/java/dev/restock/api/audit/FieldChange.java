package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import org.jspecify.annotations.Nullable;
/** One field's value before and after a revision; either side may be null. */
@Stable(since = "0.1")
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {}
