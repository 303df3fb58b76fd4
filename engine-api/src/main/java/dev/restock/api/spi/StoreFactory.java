package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * Opens a {@link Store}. The engine calls {@link #open()} once while it is built; opening
 * migrates and verifies the database and fails with a clear message when it cannot. The kit's
 * store-level contracts ask for a new factory for every test and open it once, expecting an
 * empty store that follows the contract stated on {@link Store}.
 */
@Stable(since = "0.1")
@FunctionalInterface
public interface StoreFactory {
  /**
   * Opens the store, ready for units of work.
   *
   * @return the open store; the engine closes it when the engine is closed
   */
  Store open();
}
