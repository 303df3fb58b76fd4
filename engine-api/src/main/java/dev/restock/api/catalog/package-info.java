/**
 * The product catalogue: {@link dev.restock.api.catalog.Product} and the commands that create and
 * change one.
 */
@NullMarked
package dev.restock.api.catalog;

import org.jspecify.annotations.NullMarked;
