package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A read the engine kept: the machine's counters, the device it was matched to, and what the
 * engine derived from it against the device's previous read. Append-only.
 *
 * @param id the read's id
 * @param deviceId the device whose serial matched the read's machine serial
 * @param machineSerial the serial the read carried
 * @param contentHash lower-case hex SHA-256 of the file the read came from
 * @param sourceName the file's name
 * @param readAt when the machine was read (the import time when the file did not say)
 * @param selections the counters as read
 * @param cash the money counters as read
 * @param baseline true when no sales were derived: the device's first read, or the first after
 *     the machine was replaced or its counters were reset
 * @param unitsVended units sold since the previous read, summed over selections (0 for a
 *     baseline)
 * @param vendValue those units times their slot's price at import time
 * @param cashDelta cash taken for vends since the previous read ({@code cashSales} difference), null
 *     when either read lacks it
 * @param cashlessDelta cashless takings since the previous read, null when either read lacks it
 * @param importedAt when the engine stored the read
 * @param importedBy who imported it
 */
@Experimental(since = "0.2")
public record StoredRead(
    UUID id, UUID deviceId, String machineSerial, String contentHash, String sourceName,
    Instant readAt, List<SelectionCounter> selections, CashCounters cash, boolean baseline,
    int unitsVended, BigDecimal vendValue, @Nullable BigDecimal cashDelta,
    @Nullable BigDecimal cashlessDelta, Instant importedAt, UUID importedBy) {
  public StoredRead {
    selections = List.copyOf(selections);
  }
}
