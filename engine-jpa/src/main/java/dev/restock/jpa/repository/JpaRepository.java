package dev.restock.jpa.repository;

import dev.restock.jpa.mapping.BaseEntity;
import dev.restock.jpa.mapping.DeletedAt;

import dev.restock.api.query.Criteria;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.TextQuery;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.aggregate.port.out.Repository;
import dev.restock.jpa.tx.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The repository flow every aggregate shares. Live reads go through Hibernate (which hides
 * soft-deleted rows everywhere); reads that must see deleted rows use native SQL with bound
 * parameters, table and column names being constants of each subclass. Every write flushes, so a
 * constraint violation surfaces at the call that caused it.
 *
 * @param <T> aggregate
 * @param <E> its entity
 */
public abstract class JpaRepository<T extends Aggregate, E extends BaseEntity>
    implements Repository<T> {
  private final Class<E> entityType;
  private final String table;
  private final String orderColumn;
  private final boolean orderUnique;
  protected final StoreContext store;

  /**
   * @param orderColumn the natural-order column, a text column sorted by code point
   * @param orderUnique whether it is unique among live rows; if not, the id breaks ties. A
   *     tie-breaker on a unique column would stop databases from reading pages in index order.
   */
  protected JpaRepository(Class<E> entityType, String table, String orderColumn,
      boolean orderUnique, StoreContext store) {
    this.entityType = entityType;
    this.table = table;
    this.orderColumn = orderColumn;
    this.orderUnique = orderUnique;
    this.store = store;
  }

  protected abstract T toDomain(E entity, Instant deletedAt);

  protected abstract E newEntity(T aggregate);

  /** Applies the aggregate's fields to the entity. */
  protected abstract void copy(T aggregate, E entity);

  /** A human name for errors, e.g. {@code product}. */
  protected abstract String what();

  protected Session session() {
    return UnitOfWork.currentSession();
  }

  @Override
  public Optional<T> find(UUID id, Visibility visibility) {
    if (visibility == Visibility.LIVE) {
      return Optional.ofNullable(Finds.find(session(), entityType, id)).map(e -> toDomain(e, null));
    }
    String where = "e.id = :id" + (visibility == Visibility.ONLY_DELETED
        ? " and e.deleted_at is not null" : "");
    return nativeRead(where, Map.of("id", id.toString()), null, null).stream().findFirst();
  }

  @Override
  public Page<T> list(PageRequest request, Visibility visibility) {
    if (visibility == Visibility.LIVE) {
      String entity = entityType.getSimpleName();
      long total = session().createSelectionQuery("select count(*) from " + entity + " e",
          Long.class).getSingleResult();
      List<E> rows = session().createSelectionQuery(
              "from " + entity + " e order by "
                  + store.dialect().hqlTextSortKey("e." + orderProperty())
                  + (orderUnique ? "" : ", e.id"),
              entityType)
          .setFirstResult((int) request.offset()).setMaxResults(request.size()).getResultList();
      loadChildren(rows);
      return Page.of(rows.stream().map(e -> toDomain(e, null)).toList(), request, total);
    }
    String where = visibility == Visibility.ONLY_DELETED ? "e.deleted_at is not null" : "1 = 1";
    Number total = (Number) session().createNativeQuery(
        "select count(*) from " + table + " e where " + where, Object.class).getSingleResult();
    List<T> rows = nativeRead(where, Map.of(), (int) request.offset(), request.size());
    return Page.of(rows, request, total.longValue());
  }

  /**
   * Columns a text search looks at (constants of the subclass); the name column by default.
   */
  protected List<String> searchColumns() {
    return List.of("name");
  }

  @Override
  public Page<T> search(TextQuery query, PageRequest request, Visibility visibility) {
    String where = store.textSearch().condition(query, searchColumns())
        + (visibility == Visibility.LIVE ? " and e.deleted_at is null"
            : visibility == Visibility.ONLY_DELETED ? " and e.deleted_at is not null" : "");
    Map<String, Object> params = Map.of("text", TextSearchSql.parameter(query));
    var count = session().createNativeQuery(
        "select count(*) from " + table + " e where " + where, Object.class);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    List<T> rows = nativeRead(where, params, (int) request.offset(), request.size());
    return Page.of(rows, request, total);
  }

  /**
   * Column of each searchable field of {@link dev.restock.api.query.SearchFields} (constants of
   * the subclass); created/updated times are common to all.
   */
  protected Map<String, String> criteriaColumns() {
    return Map.of();
  }

  private String column(String field) {
    String column = switch (field) {
      case "createdAt" -> "created_at";
      case "updatedAt" -> "updated_at";
      default -> criteriaColumns().get(field);
    };
    if (column == null) {
      throw new IllegalArgumentException("no column for field " + field + " of " + what());
    }
    return "e." + column;
  }

  @Override
  public Page<T> find(Criteria criteria, PageRequest request, Visibility visibility) {
    CriteriaSql sql = CriteriaSql.of(criteria, this::column, searchFields(), store.dialect(),
        this::indexOfField);
    String visible = visibility == Visibility.LIVE ? "e.deleted_at is null"
        : visibility == Visibility.ONLY_DELETED ? "e.deleted_at is not null" : "1 = 1";
    long total = sql.count(session(), "from " + table + " e where " + visible);
    List<T> rows = nativeRead(visible + sql.where(), sql.params(), (int) request.offset(),
        request.size(), sql.orderPrefix());
    return Page.of(rows, request, total);
  }

  private CriteriaSql.EqualityIndex indexOfField(String field) {
    String index = equalityIndex(criteriaColumns().getOrDefault(field, ""));
    if (index == null) {
      return null;
    }
    String column = criteriaColumns().get(field);
    return new CriteriaSql.EqualityIndex("e." + index,
        plain -> store.crypto().index(table, column, plain));
  }

  /**
   * The index column (HMAC of the plain value, see {@link dev.restock.jpa.crypto.FieldCrypto})
   * through which equality criteria on {@code column} are answered when that column holds
   * ciphertext; null when it holds plain values.
   */
  protected String equalityIndex(String column) {
    return null;
  }

  /**
   * Loads the children of a page of entities in a fixed number of statements, before they are
   * mapped; aggregates without children need nothing.
   */
  protected void loadChildren(List<E> entities) {}

  /** The fields criteria may name for this aggregate; its text fields sort by code point. */
  protected abstract SearchFields searchFields();

  /** The entity property matching the order column (text, sorted by code point). */
  protected abstract String orderProperty();

  /**
   * Rows matching a native condition on alias {@code e}, deleted or not, with their soft-delete
   * time. {@code where} is a constant of this class; values come only through {@code params}.
   */
  protected List<T> nativeRead(
      String where, Map<String, Object> params, Integer offset, Integer limit) {
    return nativeRead(where, params, offset, limit, "");
  }

  /** {@link #nativeRead} sorted by {@code orderPrefix} (columns and direction, then a comma). */
  protected List<T> nativeRead(String where, Map<String, Object> params, Integer offset,
      Integer limit, String orderPrefix) {
    NativeQuery<Object[]> query = session().createNativeQuery(
        "select {e.*}, cast(e.deleted_at as varchar(40)) as deleted_text from " + table
            + " e where " + where + " order by " + orderPrefix
            + store.dialect().textSortKey("e." + orderColumn) + ", e.id",
        Object[].class);
    // deleted rows may share a natural key, so the id always breaks ties here
    query.addEntity("e", entityType);
    query.addScalar("deleted_text", String.class);
    CriteriaSql.bind(query, params);
    if (offset != null) {
      query.setFirstResult(offset);
      query.setMaxResults(limit);
    }
    List<Object[]> rows = query.getResultList();
    @SuppressWarnings("unchecked")
    List<E> entities = rows.stream().map(row -> (E) row[0]).toList();
    loadChildren(entities);
    List<T> result = new ArrayList<>();
    for (Object[] row : rows) {
      @SuppressWarnings("unchecked")
      E entity = (E) row[0];
      result.add(toDomain(entity, DeletedAt.parse((String) row[1], store.deletedAtZone())));
    }
    return result;
  }

  /** Aggregates with these ids, deleted ones included, in one statement. */
  protected List<T> findAllIncludingDeleted(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("ids", ids.stream().map(UUID::toString).toList());
    return nativeRead("e.id in (:ids)", params, null, null);
  }

  @Override
  public T add(T aggregate) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    E entity = newEntity(aggregate);
    entity.stampCreated(unit.context().actor(), now());
    session().persist(entity);
    session().flush();
    return toDomain(entity, null);
  }

  @Override
  public T update(T aggregate) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    E entity = liveEntity(aggregate.id());
    if (entity.getVersion() != aggregate.version()) {
      throw new dev.restock.api.error.ConflictException(what() + " " + aggregate.id()
          + " was changed by someone else (version " + aggregate.version() + ", now "
          + entity.getVersion() + "); read it again and retry");
    }
    if (!toDomain(entity, null).equals(aggregate)) {
      copy(aggregate, entity);
      entity.stampUpdated(unit.context().actor(), now());
      session().flush();
    }
    return toDomain(entity, null);
  }

  @Override
  public void softDelete(UUID id) {
    UnitOfWork.requireWrite();
    session().remove(liveEntity(id));
    session().flush();
  }

  @Override
  public T restore(UUID id) {
    UnitOfWork unit = UnitOfWork.requireWrite();
    int restored = session().createNativeMutationQuery(
            "update " + table + " set deleted_at = null where id = :id and deleted_at is not null")
        .setParameter("id", id.toString()).executeUpdate();
    if (restored == 0) {
      throw new NotFoundException("deleted " + what(), id);
    }
    E entity = Finds.find(session(), entityType, id);
    if (entity == null) {
      // the deleted row was loaded earlier in this session; reload it now that it is live again
      throw new IllegalStateException("restored " + what() + " " + id + " cannot be read back");
    }
    session().refresh(entity);
    // a real audited change, so that Envers writes the restore as a revision of its own
    entity.stampRestored(unit.context().actor(), now());
    session().flush();
    return toDomain(entity, null);
  }

  protected Instant now() {
    return store.now();
  }

  protected E liveEntity(UUID id) {
    E entity = Finds.find(session(), entityType, id);
    if (entity == null) {
      throw new NotFoundException(what(), id);
    }
    return entity;
  }
}
