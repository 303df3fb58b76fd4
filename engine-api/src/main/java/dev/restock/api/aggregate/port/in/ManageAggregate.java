package dev.restock.api.aggregate.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.UUID;

/**
 * The use cases every managed aggregate offers. Each call is its own unit of work, made as the
 * session's actor; on any exception nothing is written.
 *
 * @param <T> aggregate
 * @param <C> create command
 * @param <U> update command
 */
@Stable(since = "0.1")
public interface ManageAggregate<T extends Aggregate, C, U> {

  /**
   * @throws dev.restock.api.error.ValidationException naming every broken rule
   * @throws dev.restock.api.error.ConflictException when a unique value is taken by a live row
   */
  T create(C command);

  /**
   * Applies the non-null fields of {@code command} to a live aggregate.
   *
   * @throws dev.restock.api.error.NotFoundException when no live aggregate has this id
   */
  T update(UUID id, U command);

  /** @throws dev.restock.api.error.NotFoundException when no live aggregate has this id */
  T get(UUID id);

  Page<T> list(PageRequest request, Visibility visibility);

  default Page<T> list(PageRequest request) {
    return list(request, Visibility.LIVE);
  }

  /**
   * Aggregates whose names or keys contain, or match the regular expression of, {@code query},
   * ignoring case, alike on every database.
   */
  @Experimental(since = "0.1")
  Page<T> search(dev.restock.api.query.TextQuery query, PageRequest request,
      Visibility visibility);

  /**
   * Aggregates matching {@code criteria} (fields from the aggregate's
   * {@link dev.restock.api.query.SearchFields} only), with the page, total and page count.
   *
   * @throws dev.restock.api.error.ValidationException naming each unknown field or bad value
   */
  @Experimental(since = "0.1")
  Page<T> find(dev.restock.api.query.Criteria criteria, PageRequest request,
      Visibility visibility);

  /** Soft-deletes; @throws dev.restock.api.error.NotFoundException when not live. */
  void delete(UUID id);

  /** Restores a soft-deleted aggregate; history records it as its own revision. */
  T restore(UUID id);
}
