/**
 * Stability markers of the public API: {@link dev.restock.api.stability.Stable},
 * {@link dev.restock.api.stability.Experimental} and {@link dev.restock.api.stability.Internal}.
 * Versioning promises are in {@code docs/plugin-authors.md}.
 */
package dev.restock.api.stability;
