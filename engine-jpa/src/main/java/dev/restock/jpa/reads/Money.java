package dev.restock.jpa.reads;

import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of a machine read as the {@code numeric(12,2)} columns keep them. */
final class Money {
  private Money() {}

  /**
   * An amount read back, at two places: SQLite hands back {@code 1.5} for {@code 1.50}, and its
   * numeric affinity may store a binary fraction, which HALF_UP brings back to the cent.
   */
  static BigDecimal cents(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * An amount to be written, at two places.
   *
   * @throws IllegalArgumentException naming {@code field} when the amount has more than two
   *     decimal places or does not fit {@code numeric(12,2)}: PostgreSQL and H2 would round or
   *     refuse it at flush and SQLite would keep it unrounded, so it is refused before anything
   *     is written, on every database alike
   */
  static BigDecimal checked(BigDecimal amount, String field) {
    if (amount == null) {
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2
        || amount.precision() - amount.scale() > Checks.MONEY_INTEGER_DIGITS) {
      throw new IllegalArgumentException(field + " " + amount + " does not fit a money amount:"
          + " at most " + Checks.MONEY_INTEGER_DIGITS + " digits before the point and 2 after");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
