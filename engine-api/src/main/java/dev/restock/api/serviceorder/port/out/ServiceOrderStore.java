package dev.restock.api.serviceorder.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored service orders with their visits and lines, written as one aggregate. Orders are never
 * deleted (they are cancelled), and numbers are unique among all orders. Reads load an order's
 * visits and lines in a fixed number of statements; visits keep the order they were added in,
 * and a visit's lines come in grid order of their slot position (row, then column: {@code A2}
 * before {@code A10}; the kit checks {@code A1} before {@code A2}).
 * Every change is a revision of the order (order lines and visits are part of its state, see
 * {@link dev.restock.api.audit.EntityRevision}). Units of work, exceptions and criteria follow
 * {@link dev.restock.api.spi.Store}. Checked by {@code StoreContract}, {@code
 * ServiceOrderContract} and {@code ConcurrencyContract}.
 */
@Stable(since = "0.1")
public interface ServiceOrderStore {

  /**
   * Stores a new order with its visits and lines, filling its audit stamp and version, and records
   * a {@code CREATED} revision. Returns the order as {@link #find} reads it back.
   *
   * @throws dev.restock.api.error.ConflictException when an order already has this number
   */
  ServiceOrder add(ServiceOrder order);

  /**
   * Stores a changed order (status, driver, visits, delivered quantities) with a higher version,
   * and records a {@code MODIFIED} revision. Nothing changes when it throws.
   *
   * @throws dev.restock.api.error.ConflictException when {@code order.version()} is stale
   */
  ServiceOrder update(ServiceOrder order);

  /** The order with this id, with its visits and lines; empty for an unknown id. */
  Optional<ServiceOrder> find(UUID id);

  /**
   * {@link #find} for a unit of work about to {@link #update} the order: the order stays locked
   * until the unit ends, so concurrent changes of one order (say, two drivers completing
   * different visits) run one after the other, each seeing the other's result, instead of
   * failing at commit; and the order completes exactly once, when its last visit is done. The
   * default is {@link #find}, correct for stores whose read-write units are serial already;
   * concurrent changes then surface as {@link dev.restock.api.error.ConcurrentChangeException}
   * and the engine retries them.
   *
   * @since 0.1
   */
  default Optional<ServiceOrder> findForUpdate(UUID id) {
    return find(id);
  }

  /** The order with this number (compared exactly), with its visits and lines. */
  Optional<ServiceOrder> findByNumber(String number);

  /**
   * A page of every order, newest first: by creation time, then by number, both descending; with
   * visits and lines and the total count.
   */
  Page<ServiceOrder> list(PageRequest request);

  /**
   * A page of the orders matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#SERVICE_ORDER} (values converted to the field types),
   * sorted by its sort keys, then newest first (as {@link #list}); with visits and lines, in a
   * fixed number of reads whatever the page size. Matching follows {@link Criteria}.
   */
  @Experimental(since = "0.1")
  Page<ServiceOrder> find(Criteria criteria, PageRequest request);

  /**
   * Numbers of the orders assigned to this driver that are not finished (ASSIGNED or
   * IN_PROGRESS), in number order (compared as text); empty for a driver without any.
   */
  List<String> openOrderNumbers(UUID driverId);
}
