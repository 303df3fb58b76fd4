package dev.restock.core.catalog;

import dev.restock.api.error.ConflictException;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotLocation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.catalog.port.in.ProductCatalog;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.validation.Checks;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import dev.restock.core.usecase.References;
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

  /** Refuses while live slots hold the product, naming each of them. */
  @Override
  protected void beforeDelete(Product live) {
    List<SlotLocation> holding = store().planograms().liveSlotsHolding(live.id());
    if (!holding.isEmpty()) {
      throw new ConflictException("product " + live.sku() + " is held by " + holding.size()
          + " live slot(s): " + holding.stream().map(h -> h.describe() + " (slot " + h.slotId()
              + ")").collect(Collectors.joining(", "))
          + "; empty them first, or delete with deleteAndEmptySlots");
    }
  }

  @Override
  public List<SlotLocation> deleteAndEmptySlots(UUID id) {
    Objects.requireNonNull(id, "id");
    return write("product.delete", () -> {
      live(id);
      List<SlotLocation> holding = store().planograms().liveSlotsHolding(id);
      if (!holding.isEmpty()) {
        Map<UUID, Slot> slots = store().planograms().findSlots(
            holding.stream().map(SlotLocation::slotId).toList());
        store().planograms().updateSlots(slots.values().stream().map(s -> new Slot(s.id(),
            s.position(), null, s.capacity(), 0, 0, null)).toList());
      }
      repository().softDelete(id);
      return holding;
    });
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
        pick(u.category(), p.category()),
        // 1.5 and 1.50 are the same price: keep the stored one so an equal price is no change
        u.price() == null || u.price().compareTo(p.price()) == 0 ? p.price() : money(u.price()),
        pick(u.casePack(), p.casePack()), pick(u.active(), p.active()), p.version(), p.stamp(),
        p.deletedAt());
  }

  @Override
  protected void check(Product candidate, Checks checks) {
    java.util.Optional<Product> holder = repository().findBySku(candidate.sku());
    if (holder.isPresent() && !holder.get().id().equals(candidate.id())
        && !holder.get().sku().equals(candidate.sku())) {
      // say which sku is in the way: skus ignore the case of ASCII letters
      throw new ConflictException("product sku '" + candidate.sku() + "' is already used by a "
          + "live product as '" + holder.get().sku() + "' (skus ignore letter case)");
    }
    References.unique(holder, candidate.id(), "product", "sku", candidate.sku());
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

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.PRODUCT;
  }
}
