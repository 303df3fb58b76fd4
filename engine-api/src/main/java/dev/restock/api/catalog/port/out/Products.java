package dev.restock.api.catalog.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.catalog.Product;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored products. */
@Stable(since = "0.1")
public interface Products extends Repository<Product> {

  /**
   * The live product with this sku, ignoring the case of ASCII letters ({@link
   * Product#skuKey}): skus are unique among live products in that form, so there is at most one.
   */
  Optional<Product> findBySku(String sku);

  /** Products with these ids, deleted ones included, in one read whatever the number of ids. */
  List<Product> findAllById(Collection<UUID> ids);
}
