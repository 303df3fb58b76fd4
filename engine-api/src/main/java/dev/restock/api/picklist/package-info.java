/**
 * Pick lists: what a driver loads for a route, per slot and per product.
 */
@NullMarked
package dev.restock.api.picklist;

import org.jspecify.annotations.NullMarked;
