package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.VisitPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract every {@link VisitPolicy} must pass; extend it like {@link PickListStrategyContract}. */
public abstract class VisitPolicyContract {

  protected abstract VisitPolicy policy();

  @Test
  void itsIdIsLowerCaseWordsJoinedByHyphens() {
    assertThat(policy().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void itIsDeterministicAndHasNoSideEffectsUnderConcurrentCalls() throws Exception {
    VisitPolicy policy = policy();
    List<Boolean> expected = decisions(policy);
    assertThat(decisions(policy)).isEqualTo(expected);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Boolean>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> decisions(policy)));
      }
      for (Future<List<Boolean>> r : results) {
        assertThat(r.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Boolean> decisions(VisitPolicy policy) {
    List<Boolean> result = new ArrayList<>();
    for (PlanContext context : Snapshots.contexts()) {
      for (CabinetSnapshot cabinet : Snapshots.cabinets()) {
        result.add(policy.needsVisit(cabinet, context));
      }
    }
    return result;
  }
}
