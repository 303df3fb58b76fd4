package com.example.restock.wholecases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.plugin.tck.PickListStrategyContract;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The TCK for the strategy, plus what the strategy is for. */
class WholeCasesTest extends PickListStrategyContract {
  @Override
  protected PickListStrategy strategy() {
    return new WholeCases();
  }

  private static int plan(int capacity, int par, int quantity, int casePack) {
    return new WholeCases().plan(new SlotSnapshot(UUID.randomUUID(), UUID.randomUUID(), 1, "A1",
        UUID.randomUUID(), capacity, par, quantity, casePack, null),
        new PlanContext(UUID.randomUUID(), 7, LocalDate.now(), 0));
  }

  @Test
  void roundsUpToWholeCasesButNeverBeyondTheRoomLeft() {
    assertThat(plan(30, 20, 13, 6)).isEqualTo(12); // 7 needed -> 2 cases (17 fit)
    assertThat(plan(24, 24, 13, 6)).isEqualTo(6);  // 11 needed, room for 1 whole case only
    assertThat(plan(24, 20, 20, 6)).isZero();
    assertThat(plan(10, 10, 8, 6)).isZero();       // a case does not fit
  }
}
