package dev.restock.api.catalog;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Command to change a product; null fields stay as they are. Validates itself. */
@Stable(since = "0.1")
public record UpdateProduct(
    @Nullable String sku, @Nullable String name, @Nullable String category, @Nullable BigDecimal price, @Nullable Integer casePack, @Nullable Boolean active) {
  public UpdateProduct {
    sku = sku == null ? null : sku.strip();
    Checks checks = new Checks()
        .optionalIdentifier(sku, "sku", CreateProduct.SKU_MAX)
        .optionalText(name, "name", CreateProduct.NAME_MAX)
        .optionalText(category, "category", CreateProduct.CATEGORY_MAX);
    if (price != null) {
      checks.money(price, "price");
    }
    if (casePack != null) {
      checks.range(casePack, "casePack", 1, 10_000);
    }
    checks.throwIfAny();
  }
}
