package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one selection (a product button) in a read, as the machine keeps them.
 *
 * @param selection the selection code as the machine names it ({@code A1}, {@code 101}, ...)
 * @param price the selection's price in the read, null when the read has none
 * @param vends paid vends since the machine was initialised (never reset), 0 or more
 * @param value value of those vends, null when the read has none
 * @param line the line of the read's source where the selection starts (1-based), for messages;
 *     0 when not from a file
 */
@Experimental(since = "0.2")
public record SelectionCounter(
    String selection, @Nullable BigDecimal price, long vends, @Nullable BigDecimal value, int line) {}
