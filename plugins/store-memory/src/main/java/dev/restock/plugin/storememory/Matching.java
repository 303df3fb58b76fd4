package dev.restock.plugin.storememory;

import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Text and criteria search in memory, with the JPA store's semantics: case-insensitive contains
 * or regular-expression search anywhere in a field; criteria compare like SQL (a null field
 * matches only IS NULL), ids compare as text, amounts by value.
 */
final class Matching {
  private Matching() {}

  /**
   * The page of {@code rows} matching {@code criteria}, sorted by its sort keys, then by
   * {@code natural}; the sort is stable, so rows that still tie keep the order they come in.
   */
  static <T> Page<T> page(Collection<T> rows, Criteria criteria,
      Map<String, Function<T, Object>> fields, Comparator<T> natural, PageRequest request) {
    List<T> all = rows.stream().filter(criteria(criteria, fields))
        .sorted(order(criteria, fields, natural)).toList();
    return Page.of(all.stream().skip(request.offset()).limit(request.size()).toList(), request,
        all.size());
  }

  static <T> Predicate<T> text(TextQuery query, List<Function<T, String>> fields) {
    Predicate<String> matches;
    if (query.mode() == TextQuery.Mode.REGEX) {
      Pattern pattern = Pattern.compile(query.text(),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      matches = v -> pattern.matcher(v).find();
    } else {
      String needle = query.text().toLowerCase(Locale.ROOT);
      matches = v -> v.toLowerCase(Locale.ROOT).contains(needle);
    }
    return row -> fields.stream().map(f -> f.apply(row)).filter(Objects::nonNull)
        .anyMatch(matches);
  }

  static <T> Predicate<T> criteria(Criteria criteria, Map<String, Function<T, Object>> fields) {
    Predicate<T> all = row -> true;
    for (Criteria.Filter f : criteria.filters()) {
      Function<T, Object> field = field(fields, f.field());
      List<Object> values = f.values().stream().map(Matching::comparable).toList();
      all = all.and(row -> test(f.operator(), comparable(field.apply(row)), values));
    }
    return all;
  }

  /** Sort keys of the criteria, then {@code natural}; nulls first, as SQLite and H2 sort them. */
  static <T> Comparator<T> order(Criteria criteria, Map<String, Function<T, Object>> fields,
      Comparator<T> natural) {
    Comparator<T> order = null;
    for (Criteria.Sort sort : criteria.sort()) {
      Function<T, Object> field = field(fields, sort.field());
      Comparator<T> key = Comparator.comparing(row -> comparable(field.apply(row)),
          Comparator.nullsFirst(Matching::compare));
      if (sort.descending()) {
        key = key.reversed();
      }
      order = order == null ? key : order.thenComparing(key);
    }
    return order == null ? natural : order.thenComparing(natural);
  }

  private static <T> Function<T, Object> field(Map<String, Function<T, Object>> fields,
      String name) {
    Function<T, Object> field = fields.get(name);
    if (field == null) {
      throw new IllegalArgumentException("no field " + name + " to search on; the engine checks "
          + "criteria against SearchFields first");
    }
    return field;
  }

  private static Object comparable(Object value) {
    if (value instanceof UUID id) {
      return id.toString();
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return ((Comparable) a).compareTo(b);
  }

  private static boolean test(Criteria.Operator op, Object value, List<Object> values) {
    if (op == Criteria.Operator.IS_NULL) {
      return value == null;
    }
    if (value == null) {
      return false;
    }
    return switch (op) {
      case EQ -> compare(value, values.get(0)) == 0;
      case NE -> compare(value, values.get(0)) != 0;
      case LT -> compare(value, values.get(0)) < 0;
      case LE -> compare(value, values.get(0)) <= 0;
      case GT -> compare(value, values.get(0)) > 0;
      case GE -> compare(value, values.get(0)) >= 0;
      case IN -> values.stream().anyMatch(v -> compare(value, v) == 0);
      case BETWEEN -> compare(value, values.get(0)) >= 0 && compare(value, values.get(1)) <= 0;
      case CONTAINS -> value.toString().toLowerCase(Locale.ROOT)
          .contains(values.get(0).toString().toLowerCase(Locale.ROOT));
      case STARTS_WITH -> value.toString().toLowerCase(Locale.ROOT)
          .startsWith(values.get(0).toString().toLowerCase(Locale.ROOT));
      case IS_NOT_NULL -> true;
      case IS_NULL -> false;
    };
  }
}
