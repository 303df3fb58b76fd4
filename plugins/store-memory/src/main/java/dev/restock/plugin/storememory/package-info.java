/**
 * The in-memory store: {@link dev.restock.plugin.storememory.MemoryStore#factory()} gives the
 * engine every outbound port without a database. Depends on engine-api only.
 */
package dev.restock.plugin.storememory;
