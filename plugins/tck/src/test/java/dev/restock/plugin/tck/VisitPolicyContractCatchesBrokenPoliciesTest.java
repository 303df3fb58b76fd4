package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.VisitPolicy;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Each new case of the policy contract fails on a policy that breaks it, and passes a sound one. */
class VisitPolicyContractCatchesBrokenPoliciesTest {

  private static VisitPolicyContract contractFor(String id, int window,
      BiPredicate<CabinetSnapshot, PlanContext> decide) {
    return new VisitPolicyContract() {
      @Override protected VisitPolicy policy() {
        return new VisitPolicy() {
          @Override public String id() { return id; }
          @Override public int salesWindowDays() { return window; }
          @Override public boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
            return decide.test(cabinet, context);
          }
        };
      }
    };
  }

  /** Depleted when the first slot is below par: throws on a cabinet with no stocked slot. */
  private static boolean firstSlotBelowPar(CabinetSnapshot cabinet, PlanContext context) {
    return cabinet.slots().get(0).quantity() < cabinet.slots().get(0).parLevel();
  }

  @Test
  void aPolicyThatAssumesASlotFailsTheEmptyCabinetAndKitInputCases() {
    VisitPolicyContract contract = contractFor("first-slot", 0,
        VisitPolicyContractCatchesBrokenPoliciesTest::firstSlotBelowPar);
    assertThatThrownBy(contract::itAnswersForACabinetWithNoStockedSlotWithoutThrowing)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract::itNeverThrowsOnAnyKitInput)
        .isInstanceOf(AssertionError.class).hasMessageContaining("first-slot: cabinet");
  }

  @Test
  void aPolicyThatOverflowsOnLargeSalesFailsTheKitInputCase() {
    VisitPolicyContract contract = contractFor("overflow", 28, (cabinet, context) ->
        cabinet.slots().stream().mapToInt(s -> s.unitsSoldInWindow() == null ? 0
            : Math.addExact(s.unitsSoldInWindow(), s.unitsSoldInWindow())).sum() > 10);
    assertThatThrownBy(contract::itNeverThrowsOnAnyKitInput)
        .isInstanceOf(AssertionError.class).hasMessageContaining("sales large");
  }

  @Test
  void aPolicyWithoutAWindowThatReadsSalesFailsTheSalesCase() {
    VisitPolicyContract contract = contractFor("sneaky", 0, (cabinet, context) ->
        cabinet.slots().stream().anyMatch(s -> s.unitsSoldInWindow() != null));
    assertThatThrownBy(contract::withoutASalesWindowItsAnswerDoesNotDependOnSales)
        .isInstanceOf(AssertionError.class).hasMessageContaining("asks no sales window");
    assertThatCode(contractFor("windowed", 7, (cabinet, context) ->
        cabinet.slots().stream().anyMatch(s -> s.unitsSoldInWindow() != null))
        ::withoutASalesWindowItsAnswerDoesNotDependOnSales).doesNotThrowAnyException();
  }

  @Test
  void aWindowOutOfRangeFailsTheWindowCase() {
    assertThatThrownBy(contractFor("year-and-a-day", 367, (c, x) -> true)
        ::itAsksForASalesWindowOf0To366Days).isInstanceOf(AssertionError.class);
    assertThatThrownBy(contractFor("negative", -1, (c, x) -> true)
        ::itAsksForASalesWindowOf0To366Days).isInstanceOf(AssertionError.class);
  }

  @Test
  void aSoundPolicyPassesEveryCase() throws Exception {
    VisitPolicyContract contract = contractFor("any-sold-out", 0, (cabinet, context) ->
        cabinet.slots().stream().anyMatch(s -> s.quantity() == 0));
    contract.itsIdIsLowerCaseWordsJoinedByHyphens();
    contract.itAsksForASalesWindowOf0To366Days();
    contract.itAnswersForACabinetWithNoStockedSlotWithoutThrowing();
    contract.itNeverThrowsOnAnyKitInput();
    contract.withoutASalesWindowItsAnswerDoesNotDependOnSales();
    contract.itIsDeterministicAndHasNoSideEffectsUnderConcurrentCalls();
  }
}
