package dev.restock.core.catalog;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.catalog.port.in.ProductCatalog;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.shared.AuditStamp;
import dev.restock.api.shared.Checks;
import dev.restock.core.shared.CoreContext;
import dev.restock.core.shared.CrudUseCase;
import dev.restock.core.shared.References;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.UUID;

/** Product catalogue use cases. */
public final class ProductCatalogService extends CrudUseCase<Product, CreateProduct, UpdateProduct>
    implements ProductCatalog {

  public ProductCatalogService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "product");
  }

  @Override
  protected Products repository() {
    return store().products();
  }

  @Override
  protected Product build(UUID id, CreateProduct c) {
    return new Product(id, c.sku(), c.name(), c.category(), money(c.price()), c.casePack(), true, 0,
        AuditStamp.NEW, null);
  }

  @Override
  protected Product apply(Product p, UpdateProduct u) {
    return new Product(p.id(), pick(u.sku(), p.sku()), pick(u.name(), p.name()),
        pick(u.category(), p.category()), u.price() == null ? p.price() : money(u.price()),
        pick(u.casePack(), p.casePack()), pick(u.active(), p.active()), p.version(), p.stamp(),
        p.deletedAt());
  }

  @Override
  protected void check(Product candidate, Checks checks) {
    References.unique(repository().findBySku(candidate.sku()), candidate.id(), "product", "sku",
        candidate.sku());
  }

  @Override
  public Product getBySku(String sku) {
    Objects.requireNonNull(sku, "sku");
    return read(() -> repository().findBySku(sku.strip())
        .orElseThrow(() -> new NotFoundException("product", sku)));
  }

  @Override
  public java.util.List<Product> getAll(java.util.Collection<UUID> ids) {
    Objects.requireNonNull(ids, "ids");
    return ids.isEmpty() ? java.util.List.of()
        : read(() -> repository().findAllById(java.util.List.copyOf(ids)));
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
