package dev.restock.api.query;

import dev.restock.api.stability.Stable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of results with the total count of matching rows.
 *
 * @param items the rows of this page, never null
 * @param page zero-based page number
 * @param size requested page size
 * @param total number of matching rows across all pages
 */
@Stable(since = "0.1")
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }

  /** Number of pages needed for {@link #total()} rows; 0 when there is none. */
  public long pages() {
    return (total + size - 1) / size;
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
  }
}
