package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;
import java.util.List;

class PostgresChainTamperContractTest extends ChainTamperContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  @Override
  protected List<String> foreignKeysOff() {
    // a superuser's way around foreign keys: triggers, FK checks included, stop firing
    return List.of("set session_replication_role = replica");
  }
}
