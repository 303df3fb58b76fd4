package dev.restock.tck.engine;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.storememory.MemoryStore;
import dev.restock.plugin.tck.EngineProvider;
import java.util.List;

/**
 * The kit's engines: the real engine on a new in-memory store, with the test's plugins registered
 * explicitly. Found by {@code EngineFixture.inMemoryEngine} through {@link java.util.ServiceLoader}.
 */
public final class InMemoryEngineProvider implements EngineProvider {

  /** The provider {@link java.util.ServiceLoader} instantiates. */
  public InMemoryEngineProvider() {}

  @Override
  public Restock inMemory(List<EnginePlugin> plugins) {
    return RestockEngine.builder().store(MemoryStore.factory())
        .plugin(plugins.toArray(EnginePlugin[]::new)).build();
  }
}
