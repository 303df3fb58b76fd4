package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.LineReads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Importing the reads of 20 machines prepares as many SQL statements as importing the read of
 * one: devices, their planograms, their previous reads and the known file hashes are each read
 * once for the whole import, and reads, selections, sales and slots are written in batches.
 */
class ImportStatementCountTest {
  private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-09T10:00:00Z");
  private static final int MACHINES = 20;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void importingTheReadsOfManyMachinesPreparesTheSameStatementsAsOfOne(TestDatabase database)
      throws Exception {
    try (FreshDatabase db = database.fresh()) {
      AtomicReference<JpaStore> store = new AtomicReference<>();
      try (Restock engine = RestockEngine.builder().store(() -> {
        store.set((JpaStore) db.factory().open());
        return store.get();
      }).plugin(new EnginePlugin() {
        @Override public String id() { return "test-reads"; }

        @Override public void register(PluginRegistrar registrar) {
          registrar.readParser(new LineReads());
        }
      }).build()) {
        RestockSession ops = engine.as(Actor.user(engine.as(Actor.system()).users()
            .create(new CreateUser("admin", "admin@example.com", Role.ADMIN)).id()));
        EngineFixture.Fleet fleet = EngineFixture.fleet(ops);
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= MACHINES; i++) {
          EngineFixture.device(ops, fleet, "M" + i, 1, 5);
          if (i > 0) {
            many.add("M" + i);
          }
        }

        long oneBaseline = statements(store, () -> importing(ops, T1, 50, List.of("M0")));
        long manyBaselines = statements(store, () -> importing(ops, T1, 50, many));
        long oneSale = statements(store, () -> importing(ops, T2, 53, List.of("M0")));
        List<ImportResult> results = new ArrayList<>();
        long manySales = statements(store, () -> results.add(importing(ops, T2, 53, many)));

        assertThat(results.get(0).files()).hasSize(MACHINES)
            .allSatisfy(f -> assertThat(f.salesRecorded()).isEqualTo(2));
        assertThat(ops.sales().find(Criteria.all(), PageRequest.first()).total())
            .isEqualTo(2 * (MACHINES + 1));
        System.out.printf("%s: baseline reads of 1 machine: %d statements, of %d: %d; sales"
            + " reads of 1 machine: %d, of %d: %d%n", database, oneBaseline, MACHINES,
            manyBaselines, oneSale, MACHINES, manySales);
        assertThat(manyBaselines).as("baselines").isEqualTo(oneBaseline);
        assertThat(manySales).as("reads with sales").isEqualTo(oneSale);
      }
    }
  }

  /** One file per machine, each with one read at {@code at}: A1 and B1 at {@code a1} vends. */
  private static ImportResult importing(RestockSession ops, Instant at, int a1,
      List<String> machines) {
    List<ReadFile> files = new ArrayList<>();
    for (String m : machines) {
      String text = String.join("\n", "machine SN-" + m, "at " + at, "sel A1 " + a1,
          "sel B1 " + (a1 - 40), "end") + "\n";
      files.add(new ReadFile(m + "-" + at + ".txt", text.getBytes(StandardCharsets.UTF_8)));
    }
    return ops.machineReads().importReads(new ImportReads(files, LineReads.ID, null));
  }

  private static long statements(AtomicReference<JpaStore> store, Supplier<?> work) {
    long before = store.get().preparedStatementCount();
    work.get();
    return store.get().preparedStatementCount() - before;
  }
}
