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
 * What a store offers for every aggregate type. All methods must be called inside a unit of work
 * of the store's {@link dev.restock.api.tx.TransactionBoundary}; implementations are thread-safe
 * in the sense that concurrent units of work on different threads are isolated from each other.
 *
 * @param <T> the aggregate type
 */
@Stable(since = "0.1")
public interface Repository<T extends Aggregate> {

  /** The aggregate with this id if {@code visibility} lets it be seen. */
  Optional<T> find(UUID id, Visibility visibility);

  /** A page in the aggregate's natural order (its unique key, or its name). */
  Page<T> list(PageRequest request, Visibility visibility);

  /**
   * A page of the aggregates whose names or keys match {@code query} (see {@link
   * dev.restock.api.query.TextQuery}), in natural order, with the total count.
   */
  @Experimental(since = "0.1")
  Page<T> search(dev.restock.api.query.TextQuery query, PageRequest request,
      Visibility visibility);

  /**
   * A page of the aggregates matching {@code criteria}, which the caller has checked against the
   * aggregate's {@link dev.restock.api.query.SearchFields} (values converted to the field types).
   * Sorted by the criteria's sort keys, then by id; natural order when it has none.
   */
  @Experimental(since = "0.1")
  Page<T> find(dev.restock.api.query.Criteria criteria, PageRequest request,
      Visibility visibility);

  /**
   * Stores a new aggregate, filling its audit stamp and version from the unit of work.
   *
   * @throws dev.restock.api.error.ConflictException when a value unique among live rows is taken
   */
  T add(T aggregate);

  /**
   * Stores a changed live aggregate.
   *
   * @throws dev.restock.api.error.ConflictException when {@code aggregate.version()} is stale or a
   *     unique value is taken
   * @throws dev.restock.api.error.NotFoundException when no live row has this id
   */
  T update(T aggregate);

  /**
   * Soft-deletes a live aggregate; history records the deletion.
   *
   * @throws dev.restock.api.error.NotFoundException when no live row has this id
   */
  void softDelete(UUID id);

  /**
   * Brings a soft-deleted aggregate back; history records the restore as a revision of its own.
   *
   * @throws dev.restock.api.error.NotFoundException when no deleted row has this id
   * @throws dev.restock.api.error.ConflictException when a live row now holds its unique value
   */
  T restore(UUID id);
}
