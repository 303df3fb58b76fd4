package dev.restock.plugin.tck;

import dev.restock.api.spi.Store;
import dev.restock.api.stability.Experimental;

/**
 * What every per-port store contract of the kit reads its store from. {@link StoreContract}
 * answers it with a store opened fresh and empty for each test and closed after it.
 */
@Experimental(since = "0.2")
public interface StoreUnderTest {
  /**
   * The store under test: open, empty at the start of each test, used by one test at a time.
   *
   * @return the store the current test runs against
   */
  Store store();
}
