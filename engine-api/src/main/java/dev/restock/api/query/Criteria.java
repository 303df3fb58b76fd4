package dev.restock.api.query;

import dev.restock.api.stability.Experimental;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A search by field: filters joined by AND, then a sort. Field names must come from the
 * aggregate's declared fields ({@link SearchFields}); anything else is a validation error, and
 * values are always bound as parameters, never written into a query.
 *
 * <pre>{@code
 * Criteria.where("category", Operator.EQ, "Drinks")
 *     .and("price", Operator.BETWEEN, new BigDecimal("1"), new BigDecimal("2"))
 *     .sortBy("price", true)
 * }</pre>
 *
 * <h2 id="matching">How criteria match, on every store</h2>
 * Stores receive criteria the engine has checked with {@link SearchFields#check}, values converted
 * to the field types. Every store matches and sorts them alike; the TCK's {@code StoreContract}
 * and {@code SearchContract} check the rules below on each store, except where a rule says
 * otherwise.
 * <ul>
 *   <li>{@link Operator#EQ}, {@link Operator#NE} and {@link Operator#IN} compare text exactly,
 *       case included ({@code "drinks"} does not find {@code "Drinks"}).
 *   <li>{@link Operator#CONTAINS} and {@link Operator#STARTS_WITH} ignore case, beyond ASCII too
 *       ({@code "ÉCL"} finds {@code "Éclair"}), and take every character literally: {@code _} and
 *       {@code %} are not wildcards.
 *   <li>{@link Operator#BETWEEN} includes both bounds; {@link Operator#LT}, {@link Operator#LE},
 *       {@link Operator#GT} and {@link Operator#GE} compare numbers and amounts by value and times
 *       in time order.
 *   <li>A field with no value matches only {@link Operator#IS_NULL}: every other operator,
 *       {@link Operator#NE} included, leaves it out.
 *   <li>Ids are matched by equality ({@link Operator#EQ}, {@link Operator#NE}, {@link
 *       Operator#IN}); how they sort is not checked by the kit.
 * </ul>
 * Sorting: rows are ordered by the sort keys in turn; a field with no value sorts before every
 * value going up ({@code descending = false}) and after every value going down. Text sorts by
 * Unicode code point, whatever collation the store's database has: upper-case ASCII letters
 * before lower-case ones, unaccented letters before accented ones ({@code "Apple"}, {@code
 * "Banana"}, {@code "apple"}, {@code "Äpple"}, {@code "äpple"} going up; checked by the kit,
 * {@code StoreContract}, on PostgreSQL also in a database whose default collation is ICU
 * {@code en-US}). Operators that compare text by order ({@link Operator#LT} and the like) are
 * not part of this promise. Rows that tie on every key follow the port's own order (its natural order, or its "newest first"), which the
 * port's {@code find} method names, so pages never overlap.
 */
@Experimental(since = "0.1")
public record Criteria(List<Filter> filters, List<Sort> sort) {
  public Criteria {
    filters = List.copyOf(filters);
    sort = List.copyOf(sort);
  }

  /**
   * Comparison operators; {@link #arity()} says how many values each takes. See <a
   * href="#matching">how criteria match</a> for case, wildcards, bounds and fields with no value.
   */
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

  /**
   * One condition on one field.
   *
   * @param field a declared field of the aggregate
   * @param operator how the field is compared
   * @param values the operator's values (none for {@link Operator#IS_NULL} and {@link
   *     Operator#IS_NOT_NULL})
   */
  public record Filter(String field, Operator operator, List<Object> values) {
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(operator, "operator");
      values = values == null ? List.of() : java.util.Collections.unmodifiableList(
          new ArrayList<>(values));
    }
  }

  /**
   * One sort key.
   *
   * @param field a declared field of the aggregate
   * @param descending whether larger values come first (a field with no value then comes last)
   */
  public record Sort(String field, boolean descending) {
    public Sort {
      Objects.requireNonNull(field, "field");
    }
  }

  /** No filter, the port's own order. */
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
