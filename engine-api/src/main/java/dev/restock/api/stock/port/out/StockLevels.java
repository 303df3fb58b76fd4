package dev.restock.api.stock.port.out;

import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.stock.StockLevel;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Warehouse on-hand per product. Call inside a unit of work. A product without a row has 0 on hand.
 * Writes detect concurrent changes: a unit that read a level another unit changed meanwhile fails
 * with a {@link dev.restock.api.error.ConflictException} instead of overwriting it.
 */
@Stable(since = "0.1")
public interface StockLevels {

  /** On-hand units of these products (absent products: 0), in one read. */
  Map<UUID, Integer> onHand(Collection<UUID> productIds);

  /**
   * {@link #onHand} for a unit of work about to {@link #set} these levels: the existing rows stay
   * locked until the unit ends, so concurrent changes of one product's stock queue one after the
   * other instead of failing at commit. Lock rows in a fixed order (for example by id) so that two
   * units never deadlock. The default is {@link #onHand}, correct for stores whose read-write
   * units are serial already; concurrent changes then surface as
   * {@link dev.restock.api.error.ConcurrentChangeException} and the engine retries them.
   *
   * @since 0.1
   */
  default Map<UUID, Integer> onHandForUpdate(Collection<UUID> productIds) {
    return onHand(productIds);
  }

  /**
   * Sets the on-hand units of products, in one batch.
   *
   * @throws IllegalArgumentException when a value is negative
   */
  void set(Map<UUID, Integer> onHandByProduct);

  /** Every product with a stock row, by product id. */
  Map<UUID, Integer> all();

  /**
   * A page of the stock levels of live products (a product without a row has 0 on hand)
   * matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#STOCK_LEVEL} (values converted to the field types),
   * sorted by its sort keys, then by sku, in a fixed number of reads whatever the page size.
   */
  @Experimental(since = "0.1")
  Page<StockLevel> find(Criteria criteria, PageRequest request);
}
