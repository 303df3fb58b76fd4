package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.aggregate.AuditStamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Products, listed by sku; the sku is unique among live products. */
final class MemoryProducts extends MemoryRepository<Product> implements Products {
  MemoryProducts(MemoryDb db) {
    super(db, AuditedType.PRODUCT, "product", Product::sku,
        List.of(new Unique<>(p -> Product.skuKey(p.sku()), "a live product already has this sku")),
        List.of(Product::sku, Product::name),
        Map.of("sku", Product::sku, "name", Product::name, "category", Product::category,
            "price", Product::price, "casePack", Product::casePack, "active", Product::active));
  }

  /** Live products, not counted as a read (for searches of other tables). */
  List<Product> liveProducts() {
    return live().toList();
  }

  /** The sku of a stored product, deleted or not, or null; for searches of other tables. */
  String skuOf(java.util.UUID productId) {
    Product product = table.get(productId);
    return product == null ? null : product.sku();
  }

  @Override
  protected Product with(Product p, long version, AuditStamp stamp, Instant deletedAt) {
    return new Product(p.id(), p.sku(), p.name(), p.category(), p.price(), p.casePack(),
        p.active(), version, stamp, deletedAt);
  }

  @Override
  protected Map<String, String> state(Product p) {
    return MemoryStates.product(p);
  }

  @Override
  public Optional<Product> findBySku(String sku) {
    String key = Product.skuKey(sku);
    return findLive(p -> Product.skuKey(p.sku()).equals(key));
  }

  @Override
  public List<Product> findAllById(Collection<java.util.UUID> ids) {
    List<Product> found = ids.stream().distinct().map(table::get).filter(Objects::nonNull)
        .toList();
    return db.counted(found, found.size());
  }
}
