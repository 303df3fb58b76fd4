package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.AnchorSink;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.TrustContract;

/** The TCK's checkpoint, verification and proof contract on the in-memory store. */
class MemoryTrustContractTest extends TrustContract {
  @Override
  protected Restock openEngine(CheckpointSigner signer, AnchorSink sink) {
    return RestockEngine.builder().store(MemoryStore.factory()).checkpointSigner(signer)
        .anchorSink(sink).checkpointEvery(0, null).build();
  }
}
