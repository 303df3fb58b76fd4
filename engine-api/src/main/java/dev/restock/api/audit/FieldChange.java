package dev.restock.api.audit;

/** One field's value before and after a revision; either side may be null. */
public record FieldChange(String field, String oldValue, String newValue) {}
