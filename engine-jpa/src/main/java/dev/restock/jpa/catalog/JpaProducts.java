package dev.restock.jpa.catalog;

import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.jpa.repository.JpaRepository;
import dev.restock.jpa.repository.StoreContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products in the JPA store. */
public final class JpaProducts extends JpaRepository<Product, ProductEntity> implements Products {

  public JpaProducts(StoreContext store) {
    super(ProductEntity.class, "product", "sku", true, store);
  }

  @Override protected Product toDomain(ProductEntity e, Instant deletedAt) { return e.toDomain(deletedAt); }
  @Override protected ProductEntity newEntity(Product p) { return new ProductEntity(p); }
  @Override protected void copy(Product p, ProductEntity e) { e.copy(p); }
  @Override protected String what() { return "product"; }
  @Override protected String orderProperty() { return "sku"; }
  @Override protected dev.restock.api.query.SearchFields searchFields() { return dev.restock.api.query.SearchFields.PRODUCT; }
  @Override protected java.util.Map<String, String> criteriaColumns() {
    return java.util.Map.of("sku", "sku", "name", "name", "category", "category", "price", "price", "casePack", "case_pack", "active", "active");
  }
  @Override protected java.util.List<String> searchColumns() { return java.util.List.of("sku", "name"); }

  @Override
  public Optional<Product> findBySku(String sku) {
    // lower() folds at least the ASCII letters on every database (more on H2 and PostgreSQL), so
    // the query finds every candidate and the exact rule (Product.skuKey) picks among them
    String key = Product.skuKey(sku);
    return session().createSelectionQuery(
            "from ProductEntity e where lower(e.sku) = lower(:sku)", ProductEntity.class)
        .setParameter("sku", sku).getResultStream()
        .map(e -> e.toDomain(null)).filter(p -> Product.skuKey(p.sku()).equals(key)).findFirst();
  }

  @Override
  public List<Product> findAllById(Collection<UUID> ids) {
    return findAllIncludingDeleted(ids);
  }
}
