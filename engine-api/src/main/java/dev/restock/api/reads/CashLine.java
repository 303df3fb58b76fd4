package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Cash accountability of one machine over one visit (from one read to the next): what the vends
 * were worth against what the cash and cashless counters took.
 *
 * @param deviceId the device
 * @param serialNumber its serial number
 * @param deviceName its name
 * @param from the previous read's time
 * @param to this read's time
 * @param unitsVended units vended between the two reads
 * @param vendValue units times price
 * @param cash cash takings between the two reads, null when a read lacks the counter
 * @param cashless cashless takings, null when a read lacks the counter
 * @param difference {@code cash + cashless - vendValue} (positive: over, negative: short), null
 *     when cash or cashless is unknown
 */
@Experimental(since = "0.2")
public record CashLine(
    UUID deviceId, String serialNumber, String deviceName, Instant from, Instant to,
    int unitsVended, BigDecimal vendValue, @Nullable BigDecimal cash,
    @Nullable BigDecimal cashless, @Nullable BigDecimal difference) {}
