package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.AnchorSink;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.TrustContract;

/** The TCK's checkpoint, verification and proof contract on each database. */
abstract class TrustContractTest extends TrustContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(CheckpointSigner signer, AnchorSink sink) {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).checkpointSigner(signer).anchorSink(sink)
        .checkpointEvery(0, null).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
