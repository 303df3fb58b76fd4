package dev.restock.core.stock;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.validation.Checks;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.Visibility;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.stock.port.in.StockManagement;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Warehouse stock use cases. Levels never go negative. */
public final class StockService extends UseCase implements StockManagement {

  public StockService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public StockLevel receive(UUID productId, int units, String reason) {
    Objects.requireNonNull(productId, "productId");
    new Checks().range(units, "units", 1, StockLevel.MAX_ON_HAND)
        .optionalText(reason, "reason", Actor.MAX_REASON).throwIfAny();
    return write("stock.receive", reason, () -> change(productId, units, "units"));
  }

  @Override
  public StockLevel adjust(UUID productId, int delta, String reason) {
    Objects.requireNonNull(productId, "productId");
    new Checks().check(delta != 0, "delta", "must not be zero")
        .range(delta, "delta", -StockLevel.MAX_ON_HAND, StockLevel.MAX_ON_HAND)
        .text(reason, "reason", Actor.MAX_REASON).throwIfAny();
    return write("stock.adjust", reason, () -> change(productId, delta, "delta"));
  }

  private StockLevel change(UUID productId, int delta, String field) {
    Product product = store().products().find(productId, Visibility.LIVE)
        .orElseThrow(() -> new NotFoundException("product", productId));
    int onHand = store().stock().onHandForUpdate(Set.of(productId)).getOrDefault(productId, 0);
    // in long: two large ints must not wrap round into a small or negative level
    long after = (long) onHand + delta;
    if (after > StockLevel.MAX_ON_HAND) {
      throw ValidationException.of(field, "would bring " + product.sku() + " to " + after
          + " units on hand, more than a stock level holds (" + StockLevel.MAX_ON_HAND + ")");
    }
    if (after < 0) {
      throw new InsufficientStockException(List.of(
          new InsufficientStockException.Shortage(productId, product.sku(), -delta, onHand)));
    }
    store().stock().set(Map.of(productId, (int) after));
    return new StockLevel(productId, product.sku(), product.name(), (int) after);
  }

  @Override
  public StockLevel level(UUID productId) {
    Objects.requireNonNull(productId, "productId");
    return read(() -> {
      Product product = store().products().find(productId, Visibility.LIVE)
          .orElseThrow(() -> new NotFoundException("product", productId));
      return new StockLevel(productId, product.sku(), product.name(),
          store().stock().onHand(Set.of(productId)).getOrDefault(productId, 0));
    });
  }

  @Override
  public List<StockLevel> levels() {
    return read(() -> {
      Map<UUID, Integer> onHand = store().stock().all();
      List<StockLevel> levels = new ArrayList<>();
      for (int page = 0; ; page++) {
        Page<Product> products = store().products()
            .list(PageRequest.of(page, PageRequest.MAX_SIZE), Visibility.LIVE);
        products.items().forEach(p -> levels.add(
            new StockLevel(p.id(), p.sku(), p.name(), onHand.getOrDefault(p.id(), 0))));
        if (page + 1 >= products.pages()) {
          return levels;
        }
      }
    });
  }

  @Override
  public DeliveryNote deliveryNote(String number) {
    Objects.requireNonNull(number, "number");
    return read(() -> store().deliveryNotes().findByNumber(number.strip())
        .orElseThrow(() -> new NotFoundException("delivery note", number)));
  }

  @Override
  public Page<StockLevel> levels(Criteria criteria, PageRequest request) {
    return search(SearchFields.STOCK_LEVEL, criteria, request,
        (checked, page) -> store().stock().find(checked, page));
  }

  @Override
  public Page<DeliveryNote> deliveryNotes(Criteria criteria, PageRequest request) {
    return search(SearchFields.DELIVERY_NOTE, criteria, request,
        (checked, page) -> store().deliveryNotes().find(checked, page));
  }
}
