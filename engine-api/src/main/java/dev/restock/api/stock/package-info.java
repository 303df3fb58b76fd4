/**
 * Warehouse stock: on-hand levels per product and the delivery notes issued when an order is
 * dispatched.
 */
@NullMarked
package dev.restock.api.stock;

import org.jspecify.annotations.NullMarked;
