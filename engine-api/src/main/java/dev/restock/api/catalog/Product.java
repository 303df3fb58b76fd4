package dev.restock.api.catalog;

import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product that can be stocked in slots.
 *
 * @param sku stock-keeping unit, unique among live products ignoring the case of ASCII letters
 *     (see {@link #skuKey})
 * @param category optional grouping used to sort pick lists, may be null
 * @param price unit price, {@code >= 0}, two decimal places
 * @param casePack units per case, {@code >= 1}
 */
@Stable(since = "0.1")
public record Product(
    UUID id, String sku, String name, @Nullable String category, BigDecimal price, int casePack,
    boolean active, long version, AuditStamp stamp, @Nullable Instant deletedAt) implements Aggregate {

  /**
   * The form in which two skus are compared for uniqueness and lookup: ASCII letters folded to
   * lower case, everything else as is. So {@code cola-1} and {@code COLA-1} are one sku. Only
   * ASCII letters fold because that is what every store folds the same way (SQLite's built-in
   * case folding knows no other letters); {@code É1} and {@code é1} stay two skus everywhere.
   */
  public static String skuKey(String sku) {
    StringBuilder key = new StringBuilder(sku.length());
    for (int i = 0; i < sku.length(); i++) {
      char c = sku.charAt(i);
      key.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return key.toString();
  }
}
