/**
 * Operational figures of a running engine and its store: {@link dev.restock.api.ops.Health} and
 * {@link dev.restock.api.ops.Statistics}.
 */
@NullMarked
package dev.restock.api.ops;

import org.jspecify.annotations.NullMarked;
