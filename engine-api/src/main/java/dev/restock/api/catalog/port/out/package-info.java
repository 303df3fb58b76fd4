/**
 * The store port for products, {@link dev.restock.api.catalog.port.out.Products}.
 */
@NullMarked
package dev.restock.api.catalog.port.out;

import org.jspecify.annotations.NullMarked;
