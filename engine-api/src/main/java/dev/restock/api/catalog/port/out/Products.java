package dev.restock.api.catalog.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.catalog.Product;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored products, in natural order by sku. The rules all store ports follow are on {@link
 * dev.restock.api.spi.Store}; what every repository does is on {@link Repository}. Skus are unique
 * among live products ignoring the case of ASCII letters ({@link Product#skuKey}): {@link #add}
 * and {@link #update} throw {@link dev.restock.api.error.ConflictException} for a sku that differs
 * from another live product's only so, a product may change the case of its own sku, and accented
 * letters stay distinct ({@code InputContract}).
 */
@Stable(since = "0.1")
public interface Products extends Repository<Product> {

  /**
   * The live product with this sku, ignoring the case of ASCII letters ({@link
   * Product#skuKey}): skus are unique among live products in that form, so there is at most one.
   * Deleted products are not seen.
   */
  Optional<Product> findBySku(String sku);

  /**
   * Products with these ids, deleted ones included, in one read whatever the number of ids
   * (see {@link dev.restock.api.spi.Store}); unknown ids are left out, a repeated id gives one
   * product, and the order is unspecified.
   */
  List<Product> findAllById(Collection<UUID> ids);
}
