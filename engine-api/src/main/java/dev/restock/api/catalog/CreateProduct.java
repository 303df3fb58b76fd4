package dev.restock.api.catalog;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Command to add a product. Validates itself: an invalid command cannot be constructed.
 *
 * @param category optional, may be null
 * @param casePack units per case; null means 1 (so the accessor never returns null)
 */
@Stable(since = "0.1")
public record CreateProduct(String sku, String name, @Nullable String category, BigDecimal price, @Nullable Integer casePack) {
  public static final int SKU_MAX = 64;
  public static final int NAME_MAX = 200;
  public static final int CATEGORY_MAX = 100;

  public CreateProduct {
    sku = sku == null ? null : sku.strip();
    casePack = casePack == null ? Integer.valueOf(1) : casePack;
    new Checks()
        .identifier(sku, "sku", SKU_MAX)
        .text(name, "name", NAME_MAX)
        .optionalText(category, "category", CATEGORY_MAX)
        .money(price, "price")
        .range(casePack, "casePack", 1, 10_000)
        .throwIfAny();
  }
}
