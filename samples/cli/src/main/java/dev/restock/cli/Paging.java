package dev.restock.cli;

import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.validation.Checks;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --page} and {@code --page-size} options of a list command, pages counted from 1.
 * A list command mixes it in ({@code @Mixin Paging paging;}), reads with
 * {@link EngineCommand#read(Paging, java.util.function.Function)} (or
 * {@link EngineCommand#slice(Paging, List)} for a list the engine returns whole) and prints with
 * {@link EngineCommand#printPage}. Under {@code --format csv} a list gives every row unless
 * {@code --page} is given.
 */
final class Paging {
  @Option(names = "--page", paramLabel = "N",
      description = "Page to show, counted from 1 (default: 1; with --format csv, every row "
          + "unless this is given).")
  Integer page;

  @Option(names = {"--page-size", "--size"}, paramLabel = "N", defaultValue = "50",
      description = "Rows per page, 1 to " + PageRequest.MAX_SIZE
          + " (default: ${DEFAULT-VALUE}).")
  int pageSize = PageRequest.DEFAULT_SIZE;

  /** Whether {@code --page} was given. */
  boolean pageGiven() {
    return page != null;
  }

  /**
   * The page asked for, counted from 0 as the engine counts.
   *
   * @throws dev.restock.api.error.ValidationException naming {@code --page} or
   *     {@code --page-size}
   */
  PageRequest request() {
    int number = page == null ? 1 : page;
    new Checks()
        .check(number >= 1, "--page", "must be 1 or more (was " + number + ")")
        .check(pageSize >= 1 && pageSize <= PageRequest.MAX_SIZE, "--page-size",
            "must be between 1 and " + PageRequest.MAX_SIZE + " (was " + pageSize + ")")
        .check(number < 1 || pageSize < 1
                || (long) (number - 1) * pageSize <= Integer.MAX_VALUE, "--page",
            "is too far: (page - 1) * page size must be at most " + Integer.MAX_VALUE
                + " (was page " + number + ", page size " + pageSize + ")")
        .throwIfAny();
    return PageRequest.of(number - 1, pageSize);
  }

  /** The asked page of a list held whole. */
  <T> Page<T> slice(List<T> all) {
    PageRequest request = request();
    int from = (int) Math.min(all.size(), request.offset());
    int to = (int) Math.min(all.size(), request.offset() + request.size());
    return Page.of(all.subList(from, to), request, all.size());
  }
}
