package dev.restock.web.console;

import dev.restock.api.error.ValidationException;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Paging for the records console: every row of a list read a page at a time (no silent cut at
 * {@link PageRequest#MAX_SIZE}), and the {@code page}/{@code size} request parameters of a paged
 * page checked by the engine's own {@link PageRequest} rules (a problem is the engine's 422).
 */
public final class RecordsPages {
  /** Rows per page of a console list when the request names no size. */
  public static final int DEFAULT_SIZE = PageRequest.DEFAULT_SIZE;

  private RecordsPages() {}

  /** Every row {@code list} gives, read in pages of {@link PageRequest#MAX_SIZE}. */
  public static <T> List<T> all(Function<PageRequest, Page<T>> list) {
    return all(list, PageRequest.MAX_SIZE);
  }

  /**
   * Every row {@code list} gives, read in pages of {@code size} until the page's total is
   * reached (or a page comes back empty, should rows vanish meanwhile).
   */
  public static <T> List<T> all(Function<PageRequest, Page<T>> list, int size) {
    List<T> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<T> p = list.apply(PageRequest.of(page, size));
      rows.addAll(p.items());
      if (p.items().isEmpty() || (long) (page + 1) * size >= p.total()) {
        return rows;
      }
    }
  }

  /**
   * The page a request asks for: {@code page} (zero-based, default 0) and {@code size} (default
   * {@link #DEFAULT_SIZE}) as typed, checked as the engine checks them.
   *
   * @throws ValidationException naming {@code page} or {@code size} when one is not a whole
   *     number, or out of the engine's bounds (size 1..{@value PageRequest#MAX_SIZE}, page not
   *     negative)
   */
  public static PageRequest request(String page, String size) {
    return PageRequest.of(number(page, "page", 0), number(size, "size", DEFAULT_SIZE));
  }

  /**
   * Refuses a page past the last one of {@code result} (the first page is always there, even
   * empty), so that a mistyped link says so instead of showing an empty list.
   *
   * @throws ValidationException naming {@code page}
   */
  public static void requireInRange(Page<?> result) {
    if (result.page() > 0 && result.page() >= result.pages()) {
      throw ValidationException.of("page", "must be at most " + Math.max(result.pages() - 1, 0)
          + " for " + result.total() + " row(s) at size " + result.size() + " (was "
          + result.page() + ")");
    }
  }

  private static int number(String text, String field, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(field, "must be a whole number (was '" + text.strip() + "')");
    }
  }
}
