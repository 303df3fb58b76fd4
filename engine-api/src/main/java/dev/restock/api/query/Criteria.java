package dev.restock.api.query;

import dev.restock.api.stability.Experimental;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A search by field (seed {@code 002_*}'s {@code find_by_criteria}, {@code 003_*}'s search models):
 * filters joined by AND, then a sort. Field names must come from the aggregate's declared fields
 * ({@link SearchFields}); anything else is a validation error, and values are always bound as
 * parameters, never written into SQL.
 *
 * <pre>{@code
 * Criteria.where("category", Operator.EQ, "Drinks")
 *     .and("price", Operator.BETWEEN, new BigDecimal("1"), new BigDecimal("2"))
 *     .sortBy("price", true)
 * }</pre>
 */
@Experimental(since = "0.1")
public record Criteria(List<Filter> filters, List<Sort> sort) {
  public Criteria {
    filters = List.copyOf(filters);
    sort = List.copyOf(sort);
  }

  /** Comparison operators. */
  public enum Operator {
    EQ(1), NE(1), IN(-1), CONTAINS(1), STARTS_WITH(1), LT(1), LE(1), GT(1), GE(1), BETWEEN(2),
    IS_NULL(0), IS_NOT_NULL(0);

    private final int values;

    Operator(int values) {
      this.values = values;
    }

    /** How many values the operator takes; -1 for one or more. */
    public int arity() {
      return values;
    }
  }

  /** One condition on one field. */
  public record Filter(String field, Operator operator, List<Object> values) {
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(operator, "operator");
      values = values == null ? List.of() : java.util.Collections.unmodifiableList(
          new ArrayList<>(values));
    }
  }

  /** One sort key. */
  public record Sort(String field, boolean descending) {
    public Sort {
      Objects.requireNonNull(field, "field");
    }
  }

  /** No filter, natural order. */
  public static Criteria all() {
    return new Criteria(List.of(), List.of());
  }

  public static Criteria where(String field, Operator operator, Object... values) {
    return all().and(field, operator, values);
  }

  public Criteria and(String field, Operator operator, Object... values) {
    List<Filter> more = new ArrayList<>(filters);
    more.add(new Filter(field, operator, values == null ? List.of() : java.util.Arrays.asList(values)));
    return new Criteria(more, sort);
  }

  public Criteria sortBy(String field, boolean descending) {
    List<Sort> more = new ArrayList<>(sort);
    more.add(new Sort(field, descending));
    return new Criteria(filters, more);
  }
}
