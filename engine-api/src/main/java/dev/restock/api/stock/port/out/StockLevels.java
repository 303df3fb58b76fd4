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
 * Warehouse on-hand per product. A product without a row has 0 on hand. Writes detect concurrent
 * changes: a unit that read a level another unit changed meanwhile fails with a {@link
 * dev.restock.api.error.ConflictException} (a {@link
 * dev.restock.api.error.ConcurrentChangeException} when it lost a race) instead of overwriting it,
 * so that concurrent increments are never lost ({@code StoreContract} runs six threads that read
 * and increment one level, retrying on conflict). Units of work, exceptions and criteria follow
 * {@link dev.restock.api.spi.Store}.
 *
 * <p>Stock levels have a history: a {@link #set} that changes a product's level records a revision
 * of {@link dev.restock.api.audit.AuditedType#STOCK} under the product's id, {@code CREATED} for
 * the product's first level and {@code MODIFIED} after (see {@link
 * dev.restock.api.audit.EntityRevision} for its state); setting the level it already has records
 * nothing ({@code StoreContract}).
 */
@Stable(since = "0.1")
public interface StockLevels {

  /**
   * On-hand units of these products, in one read. Products without a stock row are absent from
   * the map (read them as 0): before any {@link #set} the map is empty.
   */
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
   * Sets the on-hand units of products, in one batch, creating rows for products without one, and
   * records one stock revision per changed level (see above). Needs a read-write unit of work.
   *
   * @throws IllegalArgumentException when a value is negative (the unit of work then rolls back,
   *     so no level of the batch changes)
   * @throws dev.restock.api.error.ConflictException when another unit changed one of these levels
   *     since this unit read it
   */
  void set(Map<UUID, Integer> onHandByProduct);

  /**
   * Every product with a stock row, by product id, whether the product is live or deleted (both
   * checked by the kit).
   */
  Map<UUID, Integer> all();

  /**
   * A page of the stock levels of live products (a product without a row has 0 on hand)
   * matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#STOCK_LEVEL} (values converted to the field types),
   * sorted by its sort keys, then by sku, in a fixed number of reads whatever the page size.
   * Deleted products are left out even when they have a row. Matching follows {@link
   * dev.restock.api.query.Criteria}.
   */
  @Experimental(since = "0.1")
  Page<StockLevel> find(Criteria criteria, PageRequest request);
}
