/**
 * The store ports for the fleet's aggregates.
 */
@NullMarked
package dev.restock.api.fleet.port.out;

import org.jspecify.annotations.NullMarked;
