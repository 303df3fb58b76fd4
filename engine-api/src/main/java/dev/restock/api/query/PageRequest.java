package dev.restock.api.query;

import dev.restock.api.validation.Checks;

import dev.restock.api.stability.Stable;
/**
 * A page to read: zero-based page number and page size (1..{@value #MAX_SIZE}).
 *
 * @param page zero-based page number
 * @param size rows per page
 */
@Stable(since = "0.1")
public record PageRequest(int page, int size) {
  public static final int MAX_SIZE = 1000;
  public static final int DEFAULT_SIZE = 50;

  public PageRequest {
    new Checks()
        .check(page >= 0, "page", "must not be negative (was " + page + ")")
        // stores take the offset of the first row as an int
        .check(page < 0 || size < 1 || (long) page * size <= Integer.MAX_VALUE, "page",
            "is too far: page * size must be at most " + Integer.MAX_VALUE + " (was page " + page
                + ", size " + size + ")")
        .check(size >= 1 && size <= MAX_SIZE, "size",
            "must be between 1 and " + MAX_SIZE + " (was " + size + ")")
        .throwIfAny();
  }

  public static PageRequest first() {
    return new PageRequest(0, DEFAULT_SIZE);
  }

  public static PageRequest of(int page, int size) {
    return new PageRequest(page, size);
  }

  /** Offset of the first row of this page. */
  public long offset() {
    return (long) page * size;
  }
}
