package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;
import java.util.List;

class SqliteChainTamperContractTest extends ChainTamperContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }

  @Override
  protected List<String> foreignKeysOff() {
    return List.of("pragma foreign_keys = off");
  }
}
