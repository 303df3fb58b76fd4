package dev.restock.jpa.repository;

import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.jpa.dialect.StoreDialect;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import dev.restock.api.query.PageRequest;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Criteria as SQL: conditions joined with {@code and}, values always as named parameters, and
 * sort keys as an order-by prefix (text by code point, through the dialect). Column names come from the caller's mapping of declared
 * fields (constants), never from input.
 *
 * @param where conditions to append after {@code and}, or empty
 * @param params named parameter values
 * @param orderPrefix columns and directions (nulls lowest, as on every store) followed by a
 *     comma, or empty
 */
public record CriteriaSql(String where, Map<String, Object> params, String orderPrefix) {

  /**
   * {@link #of(Criteria, Function, SearchFields, StoreDialect)} over a constant map from declared
   * fields to column expressions; a field missing from it (criteria the engine did not check) is refused.
   *
   * @param what the kind searched, for the message, e.g. {@code sale}
   */
  public static CriteriaSql of(Criteria criteria, Map<String, String> columns, String what,
      SearchFields fields, StoreDialect dialect) {
    return of(criteria, field -> {
      String column = columns.get(field);
      if (column == null) {
        throw new IllegalArgumentException("no column for field " + field + " of " + what);
      }
      return column;
    }, fields, dialect);
  }

  /**
   * @param column the qualified column of a declared field, e.g. {@code e.route_id}
   * @param fields the searchable fields, whose text fields sort by code point
   * @param dialect says how a text column sorts by code point on its database
   */
  public static CriteriaSql of(Criteria criteria, Function<String, String> column,
      SearchFields fields, StoreDialect dialect) {
    return of(criteria, column, fields, dialect, field -> null);
  }

  /**
   * The equality index of an encrypted field: its qualified index column (e.g.
   * {@code e.email_hmac}) and how a plain value becomes an index value.
   */
  public record EqualityIndex(String column, UnaryOperator<String> hash) {}

  /**
   * {@link #of(Criteria, Function, SearchFields, StoreDialect)} where {@code EQ}, {@code NE} and
   * {@code IN} on a field with an {@link EqualityIndex} (null: none) compare its index column with
   * the hashed values, its own column holding ciphertext.
   */
  public static CriteriaSql of(Criteria criteria, Function<String, String> column,
      SearchFields fields, StoreDialect dialect, Function<String, EqualityIndex> indexes) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    int n = 0;
    for (Criteria.Filter f : criteria.filters()) {
      String c = column.apply(f.field());
      String p = "p" + n++;
      List<Object> v = f.values().stream().map(CriteriaSql::bindable).toList();
      EqualityIndex index = indexes.apply(f.field());
      if (index != null && (f.operator() == Criteria.Operator.EQ
          || f.operator() == Criteria.Operator.NE || f.operator() == Criteria.Operator.IN)) {
        c = index.column();
        v = v.stream().map(x -> (Object) index.hash().apply(String.valueOf(x))).toList();
      }
      where.append(" and ");
      switch (f.operator()) {
        case EQ -> where.append(c).append(" = :").append(p);
        case NE -> where.append(c).append(" <> :").append(p);
        case LT -> where.append(c).append(" < :").append(p);
        case LE -> where.append(c).append(" <= :").append(p);
        case GT -> where.append(c).append(" > :").append(p);
        case GE -> where.append(c).append(" >= :").append(p);
        case IN -> where.append(c).append(" in (:").append(p).append(")");
        case CONTAINS, STARTS_WITH -> where.append("lower(").append(c).append(") like :")
            .append(p).append(" escape '\\'");
        case BETWEEN -> where.append(c).append(" between :").append(p).append("a and :")
            .append(p).append("b");
        case IS_NULL -> where.append(c).append(" is null");
        case IS_NOT_NULL -> where.append(c).append(" is not null");
      }
      switch (f.operator()) {
        case IN -> params.put(p, v);
        case BETWEEN -> {
          params.put(p + "a", v.get(0));
          params.put(p + "b", v.get(1));
        }
        case CONTAINS, STARTS_WITH -> {
          String like = ((String) v.get(0)).toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
          params.put(p, (f.operator() == Criteria.Operator.CONTAINS ? "%" : "") + like + "%");
        }
        case IS_NULL, IS_NOT_NULL -> { }
        default -> params.put(p, v.get(0));
      }
    }
    StringBuilder order = new StringBuilder();
    for (Criteria.Sort sort : criteria.sort()) {
      // PostgreSQL would put nulls last going up; H2, SQLite and the in-memory store put them
      // first, so say it: nulls are the lowest values on every database
      String key = column.apply(sort.field());
      order.append(fields.fields().get(sort.field()) == SearchFields.Type.TEXT
              ? dialect.textSortKey(key) : key)
          .append(sort.descending() ? " desc nulls last" : " asc nulls first").append(", ");
    }
    return new CriteriaSql(where.toString(), Map.copyOf(params), order.toString());
  }

  /** Criteria values as the columns store them: ids as text, enums by name. */
  private static Object bindable(Object value) {
    if (value instanceof UUID id) {
      return id.toString();
    }
    return value instanceof Enum<?> e ? e.name() : value;
  }

  /**
   * Rows matching, in one statement: {@code select count(*) <fromWhere><where>}.
   *
   * @param fromWhere a constant {@code from ... where <condition>} the criteria's conditions
   *     extend, e.g. {@code from sale s where 1 = 1}
   */
  public long count(Session session, String fromWhere) {
    NativeQuery<Object> query = session.createNativeQuery("select count(*) " + fromWhere + where,
        Object.class);
    bind(query);
    return ((Number) query.getSingleResult()).longValue();
  }

  /**
   * One page of rows, in one statement: {@code <select> <fromWhere><where> order by <sort keys>,
   * <naturalOrder>}; {@code select}, {@code fromWhere} and {@code naturalOrder} are constants.
   */
  public <R> List<R> page(Session session, String select, String fromWhere, String naturalOrder,
      Class<R> type, PageRequest request) {
    NativeQuery<R> query = session.createNativeQuery(select + " " + fromWhere + where
        + " order by " + orderPrefix + naturalOrder, type);
    bind(query);
    return query.setFirstResult((int) request.offset()).setMaxResults(request.size())
        .getResultList();
  }

  /** Binds every parameter of {@link #params} to {@code query}. */
  public void bind(NativeQuery<?> query) {
    bind(query, params);
  }

  /** Binds named values, lists as parameter lists. */
  public static void bind(NativeQuery<?> query, Map<String, Object> params) {
    params.forEach((k, v) -> {
      if (v instanceof Collection<?> list) {
        query.setParameterList(k, list);
      } else {
        query.setParameter(k, v);
      }
    });
  }
}
