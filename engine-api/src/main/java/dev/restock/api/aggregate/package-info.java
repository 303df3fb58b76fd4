/**
 * What every stored aggregate shares: {@link dev.restock.api.aggregate.Aggregate} (id, version,
 * audit stamp, soft delete) and {@link dev.restock.api.aggregate.AuditStamp}; the generic use
 * case ({@code port.in}) and repository ({@code port.out}) every capability builds on.
 */
@NullMarked
package dev.restock.api.aggregate;

import org.jspecify.annotations.NullMarked;
