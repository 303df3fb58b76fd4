package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
/** One field's value before and after a revision; either side may be null. */
@Stable(since = "0.1")
public record FieldChange(String field, String oldValue, String newValue) {}
