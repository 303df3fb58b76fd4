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
 * Stored service orders with their visits and lines, written as one aggregate. Call inside a unit
 * of work. Reads load an order's visits and lines in a fixed number of statements.
 */
@Stable(since = "0.1")
public interface ServiceOrderStore {

  ServiceOrder add(ServiceOrder order);

  /**
   * Stores a changed order (status, driver, visits, delivered quantities).
   *
   * @throws dev.restock.api.error.ConflictException when {@code order.version()} is stale
   */
  ServiceOrder update(ServiceOrder order);

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

  Optional<ServiceOrder> findByNumber(String number);

  /** Newest first. */
  Page<ServiceOrder> list(PageRequest request);

  /**
   * A page of the orders matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#SERVICE_ORDER} (values converted to the field types),
   * sorted by its sort keys, then newest first; with visits and lines, in a fixed number of reads.
   */
  @Experimental(since = "0.1")
  Page<ServiceOrder> find(Criteria criteria, PageRequest request);

  /**
   * Numbers of the orders assigned to this driver that are not finished (ASSIGNED or
   * IN_PROGRESS), in number order.
   */
  List<String> openOrderNumbers(UUID driverId);
}
