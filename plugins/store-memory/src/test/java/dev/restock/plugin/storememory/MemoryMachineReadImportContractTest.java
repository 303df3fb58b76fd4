package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.MachineReadImportContract;

/** The engine's machine-read import, derived sales and cash lines, on the in-memory store. */
class MemoryMachineReadImportContractTest extends MachineReadImportContract {
  @Override
  protected Restock openEngine(EnginePlugin... plugins) {
    return RestockEngine.builder().store(MemoryStore.factory()).plugin(plugins).build();
  }
}
