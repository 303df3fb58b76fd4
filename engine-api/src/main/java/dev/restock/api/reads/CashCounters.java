package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The money counters of a read, cumulative since the machine was initialised (never reset); each
 * is null when the read does not carry it.
 *
 * @param cashSales value of vends paid in cash (DEX CA201)
 * @param cashVends number of vends paid in cash (DEX CA202)
 * @param cashIn value of cash taken in (DEX CA3: to the box and the tubes)
 * @param cashOut value of cash paid out as change and manual dispense (DEX CA4)
 * @param tubeContents value of coins in the change tubes at read time (DEX CA15)
 * @param cashlessSales value of vends paid cashless (DEX DA201)
 * @param cashlessVends number of vends paid cashless (DEX DA202)
 * @param totalSales value of all paid vends (DEX VA101)
 * @param totalVends number of all paid vends (DEX VA102)
 */
@Experimental(since = "0.2")
public record CashCounters(
    @Nullable BigDecimal cashSales, @Nullable Long cashVends, @Nullable BigDecimal cashIn,
    @Nullable BigDecimal cashOut, @Nullable BigDecimal tubeContents,
    @Nullable BigDecimal cashlessSales, @Nullable Long cashlessVends,
    @Nullable BigDecimal totalSales, @Nullable Long totalVends) {

  /** A read without money counters. */
  public static final CashCounters NONE =
      new CashCounters(null, null, null, null, null, null, null, null, null);
}
