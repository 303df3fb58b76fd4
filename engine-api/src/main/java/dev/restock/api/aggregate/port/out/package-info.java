/**
 * The generic store port of an aggregate, {@link dev.restock.api.aggregate.port.out.Repository},
 * that each capability's store port extends.
 */
@NullMarked
package dev.restock.api.aggregate.port.out;

import org.jspecify.annotations.NullMarked;
