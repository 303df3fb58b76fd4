package dev.restock.tck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The sink contract, run through the one-dependency engine, passes a correct sink and fails
 * faulty ones ({@link FaultySinks}): a kit that cannot fail proves nothing.
 */
class AuditSinkContractCatchesFaultySinksTest {

  private static Set<String> failures(Class<?> suite) {
    Set<String> failed = Collections.synchronizedSet(new TreeSet<>());
    Set<String> ran = Collections.synchronizedSet(new TreeSet<>());
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(suite)).build(), new TestExecutionListener() {
          @Override public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.getSource().orElse(null) instanceof MethodSource m) {
              ran.add(m.getMethodName());
              if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failed.add(m.getMethodName());
              }
            }
          }
        });
    assertThat(ran).as("tests of the contract that ran").hasSizeGreaterThanOrEqualTo(8);
    return failed;
  }

  @Test
  void aCorrectSinkPassesTheContract() {
    assertThat(failures(FaultySinks.Correct.class)).isEmpty();
  }

  @Test
  void aSinkThatWritesOnlyAtCloseFailsIt() {
    assertThat(failures(FaultySinks.WritesOnlyAtClose.class))
        .contains("aCommittedEventArrivesAfterTheCommitWithItsRevision",
            "oneThreadsCommitsArriveInCommitOrder");
  }

  @Test
  void aSinkThatDropsTheRevisionFailsIt() {
    assertThat(failures(FaultySinks.DropsTheRevision.class))
        .contains("aCommittedEventArrivesAfterTheCommitWithItsRevision",
            "aComposedUnitsEventsArriveTogetherUnderItsOneRevision",
            "concurrentCommitsAllArriveOnceWithTheirRevisions");
  }
}
