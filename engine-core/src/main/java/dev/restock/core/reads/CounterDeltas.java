package dev.restock.core.reads;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a read's cumulative counters say against the device's previous read. The rules, as route
 * operators apply them to DEX audits:
 *
 * <ul>
 *   <li>no previous read: a <em>baseline</em>, nothing sold;
 *   <li>a machine serial other than the previous read's (the machine in the device's place was
 *       replaced): a new baseline;
 *   <li>a read not later than the previous one: refused;
 *   <li>a counter lower than before with the same serial: refused as implausible, naming the
 *       selection and both values, unless every selection that had vends went down (and so did
 *       the total vend counter when both reads carry it), which is what re-initialising the
 *       machine's counters looks like: then a new baseline, and what was sold between the two
 *       reads is not known;
 *   <li>a selection the previous read did not have starts from this read (nothing sold from it).
 * </ul>
 *
 * @param baseline nothing is derived from this read
 * @param reason why it is a baseline, null otherwise
 * @param sold units vended since the previous read per selection code, in the read's order; empty
 *     for a baseline
 * @param cashDelta cash sales since the previous read, null when either read lacks the counter
 * @param cashlessDelta cashless sales since the previous read, likewise
 * @param problems why the read is refused; empty when it is plausible
 */
record CounterDeltas(
    boolean baseline, @Nullable String reason, Map<String, Long> sold,
    @Nullable BigDecimal cashDelta, @Nullable BigDecimal cashlessDelta, List<String> problems) {

  static CounterDeltas of(@Nullable StoredRead previous, MachineRead read, Instant readAt) {
    if (previous == null) {
      return baseline("first read of the device");
    }
    if (!previous.machineSerial().equals(read.machineSerial())) {
      return baseline("machine serial changed from " + previous.machineSerial() + " to "
          + read.machineSerial() + " (machine replaced)");
    }
    if (!readAt.isAfter(previous.readAt())) {
      return refused(List.of("read at " + readAt + " is not later than the device's previous read"
          + " at " + previous.readAt() + ": refused"));
    }
    Map<String, Long> before = new LinkedHashMap<>();
    previous.selections().forEach(s -> before.put(s.selection().strip(), s.vends()));
    Map<String, Long> sold = new LinkedHashMap<>();
    List<String> backwards = new ArrayList<>();
    for (SelectionCounter s : read.selections()) {
      String code = s.selection().strip();
      Long was = before.get(code);
      if (was == null) {
        continue;
      }
      long delta = s.vends() - was;
      if (delta < 0) {
        backwards.add("counter of selection " + code + " went from " + was + " to " + s.vends()
            + " with the same machine serial " + read.machineSerial()
            + ": rejected as implausible, as the field does");
      } else {
        sold.put(code, delta);
      }
    }
    CashCounters was = previous.cash();
    CashCounters now = read.cash();
    if (!backwards.isEmpty()) {
      if (looksReset(previous, read)) {
        return baseline("counters reset (every selection's counter went down)");
      }
      return refused(backwards);
    }
    List<String> problems = new ArrayList<>();
    BigDecimal cash = delta(was, now, CashCounters::cashSales, "cash sales", read, problems);
    BigDecimal cashless =
        delta(was, now, CashCounters::cashlessSales, "cashless sales", read, problems);
    if (!problems.isEmpty()) {
      return refused(problems);
    }
    return new CounterDeltas(false, null, sold, cash, cashless, List.of());
  }

  private static boolean looksReset(StoredRead previous, MachineRead read) {
    Map<String, Long> now = new LinkedHashMap<>();
    read.selections().forEach(s -> now.put(s.selection().strip(), s.vends()));
    boolean any = false;
    for (SelectionCounter s : previous.selections()) {
      Long current = now.get(s.selection().strip());
      if (s.vends() > 0) {
        if (current == null || current >= s.vends()) {
          return false;
        }
        any = true;
      }
    }
    Long totalBefore = previous.cash().totalVends();
    Long totalNow = read.cash().totalVends();
    return any && (totalBefore == null || totalNow == null || totalNow < totalBefore);
  }

  private static @Nullable BigDecimal delta(CashCounters was, CashCounters now,
      Function<CashCounters, BigDecimal> counter, String name, MachineRead read,
      List<String> problems) {
    BigDecimal before = counter.apply(was);
    BigDecimal after = counter.apply(now);
    if (before == null || after == null) {
      return null;
    }
    BigDecimal d = after.subtract(before);
    if (d.signum() < 0) {
      problems.add(name + " counter went from " + before.toPlainString() + " to "
          + after.toPlainString() + " with the same machine serial " + read.machineSerial()
          + ": rejected as implausible, as the field does");
    }
    return d;
  }

  private static CounterDeltas baseline(String reason) {
    return new CounterDeltas(true, reason, Map.of(), null, null, List.of());
  }

  private static CounterDeltas refused(List<String> problems) {
    return new CounterDeltas(false, null, Map.of(), null, null, List.copyOf(problems));
  }
}
