package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One read of a machine as a {@link dev.restock.api.spi.ReadParser} found it in a file, before the
 * engine maps it to a device: what the machine says, nothing derived.
 *
 * @param machineSerial the machine's serial number (DEX ID101), matched to a device's serial
 * @param readAt when the machine was read, null when the file does not say (the import time is
 *     used)
 * @param selections the per-selection counters, in file order; empty when the file has none
 * @param cash the money counters, {@link CashCounters#NONE} when the file has none
 * @param line the line of the source where this read starts (1-based)
 */
@Experimental(since = "0.2")
public record MachineRead(
    String machineSerial, @Nullable Instant readAt, List<SelectionCounter> selections,
    CashCounters cash, int line) {
  public MachineRead {
    selections = List.copyOf(selections);
  }
}
