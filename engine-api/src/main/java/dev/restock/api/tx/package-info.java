/**
 * The unit-of-work port, {@link dev.restock.api.tx.TransactionBoundary}: use cases reach
 * transactions only through it, never through JPA or JDBC.
 */
@NullMarked
package dev.restock.api.tx;

import org.jspecify.annotations.NullMarked;
