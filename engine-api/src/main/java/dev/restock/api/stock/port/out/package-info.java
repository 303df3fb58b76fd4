/**
 * The store ports for stock levels and delivery notes.
 */
@NullMarked
package dev.restock.api.stock.port.out;

import org.jspecify.annotations.NullMarked;
