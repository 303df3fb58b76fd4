package dev.restock.plugin.tck;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import java.util.List;

/**
 * Builds the engines {@link EngineFixture#inMemoryEngine} hands out, found with {@link
 * java.util.ServiceLoader}. The kit only names this interface: the engine and the in-memory store
 * reach a plugin project's test class path through the {@code restock-tck-engine} artifact, which
 * implements it, so the kit's classes stay on engine-api alone and a plugin project needs one
 * test dependency. A plugin author does not implement it.
 */
public interface EngineProvider {

  /**
   * A new engine on a new, empty in-memory store, with {@code plugins} registered explicitly in
   * that order and nothing discovered. The caller closes it.
   */
  Restock inMemory(List<EnginePlugin> plugins);
}
