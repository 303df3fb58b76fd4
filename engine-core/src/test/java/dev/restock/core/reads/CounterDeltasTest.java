package dev.restock.core.reads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CounterDeltasTest {
  private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-09T10:00:00Z");

  private static List<SelectionCounter> counters(long... vends) {
    List<SelectionCounter> list = new java.util.ArrayList<>();
    for (int i = 0; i < vends.length; i++) {
      list.add(new SelectionCounter(Integer.toString(i + 1), null, vends[i], null, i + 2));
    }
    return list;
  }

  private static CashCounters cash(String cashSales, Long totalVends) {
    return new CashCounters(cashSales == null ? null : new BigDecimal(cashSales), null, null,
        null, null, null, null, null, totalVends);
  }

  private static StoredRead previous(String serial, CashCounters cash, long... vends) {
    return new StoredRead(UUID.randomUUID(), UUID.randomUUID(), serial, "h", "f", T1,
        counters(vends), cash, true, 0, BigDecimal.ZERO, null, null, T1, UUID.randomUUID());
  }

  private static MachineRead read(String serial, CashCounters cash, long... vends) {
    return new MachineRead(serial, T2, counters(vends), cash, 1);
  }

  @Test
  void salesAreTheIncreaseOfEachSelectionsCounter() {
    CounterDeltas d = CounterDeltas.of(previous("S", cash("10.00", 30L), 10, 20),
        read("S", cash("12.50", 33L), 12, 21), T2);

    assertThat(d.baseline()).isFalse();
    assertThat(d.sold()).containsExactly(java.util.Map.entry("1", 2L), java.util.Map.entry("2", 1L));
    assertThat(d.cashDelta()).isEqualByComparingTo("2.50");
    assertThat(d.cashlessDelta()).as("neither read has it").isNull();
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void oneCounterGoingBackIsRefusedButAllOfThemTogetherAreAReset() {
    CounterDeltas one = CounterDeltas.of(previous("S", CashCounters.NONE, 412, 20),
        read("S", CashCounters.NONE, 400, 25), T2);
    CounterDeltas all = CounterDeltas.of(previous("S", CashCounters.NONE, 412, 20, 0),
        read("S", CashCounters.NONE, 3, 1, 0), T2);
    CounterDeltas allButTheTotalGrew = CounterDeltas.of(previous("S", cash(null, 432L), 412, 20),
        read("S", cash(null, 440L), 3, 1), T2);

    assertThat(one.problems()).singleElement().asString()
        .startsWith("counter of selection 1 went from 412 to 400 with the same machine serial S");
    assertThat(all.baseline()).isTrue();
    assertThat(all.reason()).contains("reset");
    assertThat(allButTheTotalGrew.baseline()).isFalse();
    assertThat(allButTheTotalGrew.problems()).hasSize(2);
  }

  @Test
  void fallingCashIsRefusedAndAnotherSerialIsANewBaseline() {
    CounterDeltas cashDown = CounterDeltas.of(previous("S", cash("10.00", null), 1),
        read("S", cash("9.00", null), 2), T2);
    CounterDeltas replaced = CounterDeltas.of(previous("S", CashCounters.NONE, 500),
        read("S2", CashCounters.NONE, 4), T2);

    assertThat(cashDown.problems()).singleElement().asString()
        .startsWith("cash sales counter went from 10.00 to 9.00");
    assertThat(replaced.baseline()).isTrue();
    assertThat(replaced.reason()).contains("machine replaced");
  }

  @Test
  void aReadAtOrBeforeThePreviousIsRefusedAndTheFirstIsABaseline() {
    assertThat(CounterDeltas.of(previous("S", CashCounters.NONE, 1),
        read("S", CashCounters.NONE, 2), T1).problems()).singleElement().asString()
        .contains("is not later than the device's previous read");
    assertThat(CounterDeltas.of(null, read("S", CashCounters.NONE, 2), T2).baseline()).isTrue();
  }
}
