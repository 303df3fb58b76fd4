package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.bootstrap.StartupPhases;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StartupReportContract;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's start-up report on each database: the JPA store's phases on a new database (it
 * migrates, so the mapping is validated), then the engine's.
 */
abstract class StartupReportContractTest extends StartupReportContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine() {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).build();
  }

  @Override
  protected List<String> storePhases() {
    List<String> phases = new ArrayList<>(List.of(StartupPhases.POOL_OPEN));
    if (database() == TestDatabase.SQLITE) {
      phases.add(StartupPhases.INTEGRITY_CHECK);
    }
    phases.addAll(List.of(StartupPhases.FLYWAY, StartupPhases.HIBERNATE_METADATA,
        StartupPhases.SESSION_FACTORY, StartupPhases.SCHEMA_VALIDATION));
    return phases;
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
