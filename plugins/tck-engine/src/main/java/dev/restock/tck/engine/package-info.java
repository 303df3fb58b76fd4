/**
 * Where the TCK meets the engine: the {@link dev.restock.plugin.tck.EngineProvider} that builds
 * real engines on the in-memory store for {@code EngineFixture.inMemoryEngine}.
 */
package dev.restock.tck.engine;
