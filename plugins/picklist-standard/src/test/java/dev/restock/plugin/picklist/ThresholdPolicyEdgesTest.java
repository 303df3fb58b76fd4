package dev.restock.plugin.picklist;

import static dev.restock.plugin.tck.PolicyInputs.cabinet;
import static dev.restock.plugin.tck.PolicyInputs.slot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.plugin.tck.PolicyInputs;
import org.junit.jupiter.api.Test;

/** The threshold policy at the edges of its two rules (40% depletion, 2 sold-out slots). */
class ThresholdPolicyEdgesTest {
  private final ThresholdPolicy policy = new ThresholdPolicy();

  private boolean visits(CabinetSnapshot cabinet) {
    return policy.needsVisit(cabinet, PolicyInputs.weekly());
  }

  @Test
  void depletionSelectsAtExactlyThePercentageAndNotOneUnitBelowIt() {
    assertThat(visits(cabinet("40% missing", slot(10, 10, 6, null)))).isTrue();
    assertThat(visits(cabinet("30% missing", slot(10, 10, 7, null)))).isFalse();
  }

  @Test
  void slotsAtParAboveParOrFullNeedNoVisit() {
    assertThat(visits(cabinet("at par", slot(10, 6, 6, null)))).isFalse();
    assertThat(visits(cabinet("one below par", slot(10, 6, 5, null)))).isFalse();
    assertThat(visits(cabinet("above par", slot(10, 6, 9, null)))).isFalse();
    assertThat(visits(cabinet("full", slot(10, 10, 10, null), slot(1, 1, 1, null)))).isFalse();
  }

  @Test
  void twoSoldOutSlotsSelectEvenWithPar0ButOneDoesNot() {
    assertThat(visits(cabinet("two sold out", slot(10, 0, 0, null), slot(5, 0, 0, null))))
        .isTrue();
    assertThat(visits(cabinet("one sold out", slot(10, 0, 0, null), slot(5, 0, 5, null))))
        .isFalse();
  }

  @Test
  void aCabinetWithNoStockedSlotNeedsNoVisit() {
    assertThat(visits(PolicyInputs.cabinets().get("no stocked slot"))).isFalse();
  }

  @Test
  void salesNullAndSales0AreTheSame() {
    CabinetSnapshot depleted = cabinet("depleted", slot(10, 10, 5, null));
    assertThat(visits(PolicyInputs.withSales(depleted, 0))).isEqualTo(visits(depleted)).isTrue();
  }
}
