/**
 * Restock engine core: use-case implementations, validation that needs the store, pick-list
 * computation and the plugin registry. Sees only {@code engine-api}; Guice appears in
 * {@code wiring} alone.
 */
package dev.restock.core;
