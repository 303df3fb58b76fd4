package com.example.restock.busy;

import static dev.restock.plugin.tck.PolicyInputs.cabinet;
import static dev.restock.plugin.tck.PolicyInputs.slot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.VisitPolicy;
import dev.restock.plugin.tck.PolicyInputs;
import dev.restock.plugin.tck.VisitPolicyContract;
import org.junit.jupiter.api.Test;

/** The walkthrough's policy: the TCK contract, then its own thresholds at their edges. */
class BusyCabinetsTest extends VisitPolicyContract {
  private final BusyCabinets policy = new BusyCabinets(14, 20);

  @Override
  protected VisitPolicy policy() {
    return policy;
  }

  @Test
  void exactlyTheMinimumSoldNeedsAVisitAndOneUnitLessDoesNot() {
    assertThat(policy.needsVisit(cabinet("20 sold", slot(10, 6, 6, 12), slot(10, 6, 6, 8)),
        PolicyInputs.weekly())).isTrue();
    assertThat(policy.needsVisit(cabinet("19 sold", slot(10, 6, 6, 12), slot(10, 6, 6, 7)),
        PolicyInputs.weekly())).isFalse();
  }

  @Test
  void aSoldOutSlotWithAParNeedsAVisitWhateverTheSales() {
    assertThat(policy.needsVisit(cabinet("sold out", slot(10, 6, 0, null)),
        PolicyInputs.weekly())).isTrue();
    assertThat(policy.needsVisit(cabinet("empty, par 0", slot(10, 0, 0, null)),
        PolicyInputs.weekly())).isFalse();
  }

  @Test
  void noSalesRecordedCountsAsNoneSold() {
    assertThat(policy.needsVisit(PolicyInputs.cabinets().get("sales null"),
        PolicyInputs.weekly())).isFalse();
  }
}
