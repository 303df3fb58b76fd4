package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.VisitPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VisitPolicy} must pass, on the policy alone. Extend it in your
 * plugin's tests and return the policy as it will be registered:
 *
 * <pre>{@code
 * class MyPolicyTest extends VisitPolicyContract {
 *   protected VisitPolicy policy() { return new MyPolicy(); }
 * }
 * }</pre>
 *
 * <p>It feeds the policy {@link Snapshots#cabinets()} and the edge cases of {@link
 * PolicyInputs#cabinets()} under every context of both. What the engine promises a policy (which
 * cabinets it is asked about, the sales it sees) is checked on a store by {@link
 * VisitPolicyEngineContract}. Thresholds are the policy's own business: pin them in your own
 * tests with {@link PolicyInputs}.
 */
public abstract class VisitPolicyContract {

  /** The policy under test, configured as it will be registered. */
  protected abstract VisitPolicy policy();

  @Test
  void itsIdIsLowerCaseWordsJoinedByHyphens() {
    assertThat(policy().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void itAsksForASalesWindowOf0To366Days() {
    assertThat(policy().salesWindowDays()).isBetween(0, 366);
  }

  @Test
  void itAnswersForACabinetWithNoStockedSlotWithoutThrowing() {
    VisitPolicy policy = policy();
    CabinetSnapshot empty = PolicyInputs.cabinets().get("no stocked slot");
    for (PlanContext context : contexts()) {
      assertThatCode(() -> policy.needsVisit(empty, context)).as("%s under %s", empty, context)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void itNeverThrowsOnAnyKitInput() {
    VisitPolicy policy = policy();
    cabinets().forEach((label, cabinet) -> {
      for (PlanContext context : contexts()) {
        assertThatCode(() -> policy.needsVisit(cabinet, context))
            .as("%s: cabinet '%s' under %s", policy.id(), label, context)
            .doesNotThrowAnyException();
      }
    });
  }

  @Test
  void withoutASalesWindowItsAnswerDoesNotDependOnSales() {
    VisitPolicy policy = policy();
    boolean readsSales = policy.salesWindowDays() > 0;
    cabinets().forEach((label, cabinet) -> {
      for (PlanContext context : contexts()) {
        boolean unread = policy.needsVisit(PolicyInputs.withSales(cabinet, null), context);
        for (Integer sold : new Integer[] {0, 3, 1_000_000}) {
          CabinetSnapshot selling = PolicyInputs.withSales(cabinet, sold);
          boolean answer = policy.needsVisit(selling, context);
          if (readsSales) {
            // a policy that reads sales may answer differently, but always the same way
            assertThat(policy.needsVisit(selling, context))
                .as("%s for cabinet '%s' with every slot selling %s", policy.id(), label, sold)
                .isEqualTo(answer);
          } else {
            assertThat(answer).as("%s asks no sales window, yet answers differently for"
                + " cabinet '%s' when every slot sold %s instead of null", policy.id(), label,
                sold).isEqualTo(unread);
          }
        }
      }
    });
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
    assertThat(decisions(policy)).as("unchanged after many calls").isEqualTo(expected);
  }

  private static Map<String, CabinetSnapshot> cabinets() {
    Map<String, CabinetSnapshot> all = new LinkedHashMap<>();
    List<CabinetSnapshot> spread = Snapshots.cabinets();
    for (int i = 0; i < spread.size(); i++) {
      all.put("Snapshots.cabinets()[" + i + "]", spread.get(i));
    }
    all.putAll(PolicyInputs.cabinets());
    return all;
  }

  private static List<PlanContext> contexts() {
    List<PlanContext> all = new ArrayList<>(Snapshots.contexts());
    all.addAll(PolicyInputs.contexts());
    return all;
  }

  private static List<Boolean> decisions(VisitPolicy policy) {
    List<Boolean> result = new ArrayList<>();
    for (PlanContext context : contexts()) {
      for (CabinetSnapshot cabinet : cabinets().values()) {
        result.add(policy.needsVisit(cabinet, context));
      }
    }
    return result;
  }
}
