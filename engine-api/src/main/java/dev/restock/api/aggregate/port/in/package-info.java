/**
 * The generic use case of an aggregate, {@link
 * dev.restock.api.aggregate.port.in.ManageAggregate}: create, read, page, search, update, delete
 * and restore; each capability's use case extends it.
 */
@NullMarked
package dev.restock.api.aggregate.port.in;

import org.jspecify.annotations.NullMarked;
