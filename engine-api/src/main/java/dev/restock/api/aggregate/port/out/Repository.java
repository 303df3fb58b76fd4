package dev.restock.api.aggregate.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.Optional;
import java.util.UUID;

/**
 * What a store offers for every aggregate type. Every method runs inside a unit of work of the
 * store's {@link dev.restock.api.tx.TransactionBoundary} and follows the rules on {@link
 * dev.restock.api.spi.Store} (exceptions, isolation, soft delete, searching); concurrent units of
 * work on different threads are isolated from each other. The TCK's {@code StoreContract} checks
 * them on products, and its engine-level suites on the other aggregates.
 *
 * <p>Each aggregate type has a <em>natural order</em>, named by its port (a product's sku, a
 * route's code, a user's username, otherwise its name), with ties broken by id: {@link #list},
 * {@link #search} and {@link #find(dev.restock.api.query.Criteria, PageRequest, Visibility)} use
 * it.
 *
 * @param <T> the aggregate type
 */
@Stable(since = "0.1")
public interface Repository<T extends Aggregate> {

  /**
   * The aggregate with this id if {@code visibility} lets it be seen: {@link Visibility#LIVE} a
   * live row only, {@link Visibility#ONLY_DELETED} a soft-deleted one only (its {@code deletedAt}
   * set), {@link Visibility#INCLUDE_DELETED} either. Empty for an unknown id.
   */
  Optional<T> find(UUID id, Visibility visibility);

  /**
   * A page of the rows {@code visibility} lets be seen, in natural order, with the total number of
   * such rows; a page past the last one is empty. Checked by the kit for each visibility.
   */
  Page<T> list(PageRequest request, Visibility visibility);

  /**
   * A page of the aggregates whose names or keys match {@code query} (see {@link
   * dev.restock.api.query.TextQuery}: case ignored beyond ASCII, {@code _} and {@code %} literal,
   * regular expressions alike on every store), among the rows {@code visibility} lets be seen, in
   * natural order, with the total count.
   */
  @Experimental(since = "0.1")
  Page<T> search(dev.restock.api.query.TextQuery query, PageRequest request,
      Visibility visibility);

  /**
   * A page of the aggregates matching {@code criteria}, which the caller has checked against the
   * aggregate's {@link dev.restock.api.query.SearchFields} (values converted to the field types),
   * among the rows {@code visibility} lets be seen. Sorted by the criteria's sort keys, then in
   * natural order (key, then id); matching and sorting follow {@link
   * dev.restock.api.query.Criteria}. The total counts every match.
   */
  @Experimental(since = "0.1")
  Page<T> find(dev.restock.api.query.Criteria criteria, PageRequest request,
      Visibility visibility);

  /**
   * Stores a new aggregate, filling its audit stamp (created by the unit of work's actor, at the
   * store's clock) and its version from the unit of work, and records a {@code CREATED} revision.
   * Returns the stored aggregate as a later {@link #find} reads it.
   *
   * @throws dev.restock.api.error.ConflictException when a value unique among live rows is taken,
   *     also when another unit adds the same value at the same time: of concurrent adds of one
   *     key exactly one succeeds
   */
  T add(T aggregate);

  /**
   * Stores a changed live aggregate, with a higher version and an updated stamp, and records a
   * {@code MODIFIED} revision. Nothing changes when it throws.
   *
   * @throws dev.restock.api.error.ConflictException when {@code aggregate.version()} is stale or a
   *     unique value is taken
   * @throws dev.restock.api.error.NotFoundException when no live row has this id
   */
  T update(T aggregate);

  /**
   * Soft-deletes a live aggregate: it keeps its row, gets its {@code deletedAt}, leaves live reads
   * and frees its unique values; history records a {@code DELETED} revision.
   *
   * @throws dev.restock.api.error.NotFoundException when no live row has this id (a row deleted
   *     already included)
   */
  void softDelete(UUID id);

  /**
   * Brings a soft-deleted aggregate back; history records the restore as a {@code MODIFIED}
   * revision of its own, under the restoring unit's action.
   *
   * @throws dev.restock.api.error.NotFoundException when no deleted row has this id
   * @throws dev.restock.api.error.ConflictException when a live row now holds its unique value
   */
  T restore(UUID id);
}
