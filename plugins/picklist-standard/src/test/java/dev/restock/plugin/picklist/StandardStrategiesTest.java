package dev.restock.plugin.picklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.plugin.tck.PickListStrategyContract;
import dev.restock.plugin.tck.VisitPolicyContract;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StandardStrategiesTest {
  private static final PlanContext WEEKLY = new PlanContext(UUID.randomUUID(), 7, LocalDate.now(), 28);

  private static SlotSnapshot slot(int capacity, int par, int quantity, Integer sold) {
    return new SlotSnapshot(UUID.randomUUID(), UUID.randomUUID(), 1, "A1", UUID.randomUUID(),
        capacity, par, quantity, 6, sold);
  }

  @Nested
  class FillToCapacityContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new FillToCapacity(); }
  }

  @Nested
  class DaysOfCoverContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new DaysOfCover(); }
  }

  @Nested
  class ThresholdContract extends VisitPolicyContract {
    @Override protected VisitPolicy policy() { return new ThresholdPolicy(); }
  }

  @Test
  void fillToCapacityFillsTheRoomLeft() {
    assertThat(new FillToCapacity().plan(slot(10, 4, 3, null), WEEKLY)).isEqualTo(7);
  }

  @Test
  void daysOfCoverCoversTheSalesRateUntilTheNextVisitPlusASafetyMargin() {
    DaysOfCover cover = new DaysOfCover(28, 2);
    // 56 sold in 28 days = 2/day; (7 + 2) days -> 18 units; 5 in the slot -> 13
    assertThat(cover.plan(slot(30, 10, 5, 56), WEEKLY)).isEqualTo(13);
    // capped at capacity: 20 - 5
    assertThat(cover.plan(slot(20, 10, 5, 280), WEEKLY)).isEqualTo(15);
    // no history: falls back to par
    assertThat(cover.plan(slot(30, 10, 4, null), WEEKLY)).isEqualTo(6);
    // slow seller already covered
    assertThat(cover.plan(slot(30, 10, 8, 3), WEEKLY)).isZero();
    assertThat(cover.salesWindowDays()).isEqualTo(28);
    assertThatThrownBy(() -> new DaysOfCover(0, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thresholdVisitsADepletedCabinetOrOneWithSoldOutSlots() {
    ThresholdPolicy policy = new ThresholdPolicy(50, 2);
    CabinetSnapshot full = cabinet(slot(10, 10, 10, null), slot(10, 10, 9, null));
    CabinetSnapshot depleted = cabinet(slot(10, 10, 4, null), slot(10, 10, 5, null));
    CabinetSnapshot twoSoldOut = cabinet(slot(10, 10, 0, null), slot(10, 10, 0, null),
        slot(10, 10, 10, null), slot(10, 10, 10, null), slot(10, 10, 10, null));
    CabinetSnapshot oneSoldOut = cabinet(slot(10, 10, 0, null), slot(10, 10, 10, null),
        slot(10, 10, 10, null), slot(10, 10, 10, null));
    assertThat(policy.needsVisit(full, WEEKLY)).isFalse();
    assertThat(policy.needsVisit(depleted, WEEKLY)).isTrue();
    assertThat(policy.needsVisit(twoSoldOut, WEEKLY)).isTrue();
    assertThat(policy.needsVisit(oneSoldOut, WEEKLY)).isFalse();
  }

  private static CabinetSnapshot cabinet(SlotSnapshot... slots) {
    return new CabinetSnapshot(UUID.randomUUID(), "D", UUID.randomUUID(), 1, List.of(slots));
  }
}
