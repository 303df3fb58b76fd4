package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;
import java.util.List;

class H2ChainTamperContractTest extends ChainTamperContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  protected List<String> foreignKeysOff() {
    return List.of("set referential_integrity false");
  }
}
