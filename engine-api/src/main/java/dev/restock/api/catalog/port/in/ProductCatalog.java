package dev.restock.api.catalog.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.aggregate.port.in.ManageAggregate;

/** Manage the product catalogue. */
@Stable(since = "0.1")
public interface ProductCatalog extends ManageAggregate<Product, CreateProduct, UpdateProduct> {

  /** @throws dev.restock.api.error.NotFoundException when no live product has this sku */
  Product getBySku(String sku);

  /** Products with these ids, soft-deleted ones included, in one read; unknown ids are absent. */
  java.util.List<Product> getAll(java.util.Collection<java.util.UUID> ids);

  /**
   * Deletes the product and, in the same unit of work, empties every live slot that holds it
   * (no product, par level and quantity 0, no price). Plain {@code delete} refuses while slots
   * hold the product.
   *
   * @return the slots that were emptied
   * @throws dev.restock.api.error.NotFoundException when no live product has this id
   */
  @Experimental(since = "0.1")
  java.util.List<dev.restock.api.planogram.SlotLocation> deleteAndEmptySlots(java.util.UUID id);
}
