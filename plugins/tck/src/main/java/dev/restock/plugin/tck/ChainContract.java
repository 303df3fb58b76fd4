package dev.restock.plugin.tck;

import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The history chain part of the store kit alone: {@link HistoryChainContract} (genesis, head,
 * links, checkpoints, verification from a checkpoint, no drift after normal use) and {@link
 * HistoryTamperContract} (tampering that verification and the drift check must catch), each test
 * on a store opened fresh and empty. {@link StoreContract} runs these cases too, with every port's;
 * extend this class to run the chain alone.
 *
 * <p>Extend it with a factory of fresh, empty stores and answer {@link #tampering()} with a hook
 * that alters the store's recorded history the way someone with write access to its storage could.
 */
public abstract class ChainContract implements HistoryChainContract, HistoryTamperContract {
  private Store store;

  /** For subclasses. */
  protected ChainContract() {}

  /**
   * A factory opening a store on a new, empty database (or in-memory state); called before each
   * test.
   *
   * @return a factory whose {@code open()} gives a fresh, empty store
   */
  protected abstract StoreFactory freshStore();

  /** Called after each test, after the store is closed; drop what {@link #freshStore} made. */
  protected void cleanUp() {}

  @BeforeEach
  void openStore() {
    store = freshStore().open();
  }

  @AfterEach
  void closeStore() {
    store.close();
    cleanUp();
  }

  @Override
  public final Store store() {
    return store;
  }
}
