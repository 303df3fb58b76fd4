package dev.restock.plugin.storememory;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.aggregate.port.out.Repository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The repository flow every aggregate shares: rows kept as immutable records (deleted ones with
 * their deletion time), natural order by a key then id, uniqueness among live rows, a history
 * entry for every write, versions checked and counted like Hibernate's.
 *
 * @param <T> the aggregate type
 */
abstract class MemoryRepository<T extends Aggregate> implements Repository<T> {
  /** A value unique among live rows, and the message of the conflict when it is taken. */
  record Unique<T>(Function<T, Object> key, String message) {}

  protected final MemoryDb db;
  protected final Table<UUID, T> table;
  private final AuditedType type;
  private final String what;
  private final Comparator<T> natural;
  private final List<Unique<T>> uniques;
  private final List<Function<T, String>> searchFields;
  private final Map<String, Function<T, Object>> criteriaFields = new HashMap<>();

  protected MemoryRepository(MemoryDb db, AuditedType type, String what,
      Function<T, String> orderKey, List<Unique<T>> uniques,
      List<Function<T, String>> searchFields, Map<String, Function<T, Object>> criteriaFields) {
    this.db = db;
    this.table = new Table<>(db);
    this.type = type;
    this.what = what;
    this.natural = Comparator.comparing(orderKey, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(t -> t.id().toString());
    this.uniques = uniques;
    this.searchFields = searchFields;
    this.criteriaFields.putAll(criteriaFields);
    this.criteriaFields.put("createdAt", t -> t.stamp().createdAt());
    this.criteriaFields.put("updatedAt", t -> t.stamp().updatedAt());
    // history compares the stored rows with their latest recorded states (live drift)
    db.history.liveStates(type, () -> {
      Map<UUID, Map<String, String>> states = new java.util.LinkedHashMap<>();
      table.all().stream().filter(t -> t.deletedAt() == null)
          .forEach(t -> states.put(t.id(), state(t)));
      return states;
    });
  }

  /** The aggregate with new bookkeeping; children as they are. */
  protected abstract T with(T aggregate, long version, AuditStamp stamp, Instant deletedAt);

  /** Its text state for history. */
  protected abstract Map<String, String> state(T aggregate);

  protected String what() {
    return what;
  }

  protected AuditedType type() {
    return type;
  }

  static boolean visible(Aggregate a, Visibility visibility) {
    return switch (visibility) {
      case LIVE -> a.deletedAt() == null;
      case ONLY_DELETED -> a.deletedAt() != null;
      case INCLUDE_DELETED -> true;
    };
  }

  /** Stored rows as reads return them: see {@link #view}. */
  protected Stream<T> rows(Visibility visibility) {
    return table.all().stream().filter(t -> visible(t, visibility)).map(this::view);
  }

  /**
   * A stored row as reads return it. Children deleted with a deleted aggregate are not read
   * (as on the JPA store), so aggregates with children override this for deleted rows; the
   * stored row keeps them for an exact restore.
   */
  protected T view(T stored) {
    return stored;
  }

  protected Stream<T> live() {
    return rows(Visibility.LIVE);
  }

  @Override
  public Optional<T> find(UUID id, Visibility visibility) {
    Objects.requireNonNull(id, "id");
    return db.one(Optional.ofNullable(table.get(id)).filter(t -> visible(t, visibility))
        .map(this::view));
  }

  @Override
  public Page<T> list(PageRequest request, Visibility visibility) {
    return page(rows(visibility), natural, request);
  }

  @Override
  public Page<T> search(TextQuery query, PageRequest request, Visibility visibility) {
    return page(rows(visibility).filter(Matching.text(query, searchFields)), natural, request);
  }

  @Override
  public Page<T> find(Criteria criteria, PageRequest request, Visibility visibility) {
    return page(rows(visibility).filter(Matching.criteria(criteria, criteriaFields)),
        Matching.order(criteria, criteriaFields, natural), request);
  }

  protected Page<T> page(Stream<T> rows, Comparator<T> order, PageRequest request) {
    List<T> sorted = rows.sorted(order).toList();
    List<T> items = sorted.stream().skip(request.offset()).limit(request.size()).toList();
    return db.counted(Page.of(items, request, sorted.size()), items.size());
  }

  protected List<T> sorted(Stream<T> rows) {
    List<T> list = rows.sorted(natural).toList();
    return db.counted(list, list.size());
  }

  @Override
  public T add(T aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    Actor actor = db.actor();
    if (table.get(aggregate.id()) != null) {
      throw new ConflictException("a " + what + " with id " + aggregate.id() + " already exists");
    }
    checkUnique(aggregate);
    Instant now = db.now();
    T stored = with(aggregate, 0, Stamps.created(actor, now), null);
    table.put(stored.id(), stored);
    db.history.record(type, stored.id(), RevisionKind.CREATED, state(stored));
    db.inserts.incrementAndGet();
    return stored;
  }

  @Override
  public T update(T aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    Actor actor = db.actor();
    T current = liveRow(aggregate.id());
    Stamps.checkVersion(what, aggregate.id(), aggregate.version(), current.version());
    T candidate = with(aggregate, current.version(), current.stamp(), null);
    if (candidate.equals(current)) {
      return current;
    }
    checkUnique(candidate);
    beforeUpdate(current, candidate);
    T stored = with(candidate, current.version() + 1, Stamps.updated(current.stamp(), actor,
        db.now()), null);
    table.put(stored.id(), stored);
    db.history.record(type, stored.id(), RevisionKind.MODIFIED, state(stored));
    db.updates.incrementAndGet();
    return stored;
  }

  /** Writes the children of an update (slots of a planogram); nothing by default. */
  protected void beforeUpdate(T current, T changed) {}

  @Override
  public void softDelete(UUID id) {
    db.writeUnit();
    T current = liveRow(id);
    beforeDelete(current);
    T deleted = with(current, current.version(), current.stamp(), db.now());
    table.put(id, deleted);
    db.history.record(type, id, RevisionKind.DELETED, state(deleted));
    db.deletes.incrementAndGet();
  }

  /** Deletes the children that go with the aggregate, in the same revision; nothing by default. */
  protected void beforeDelete(T aggregate) {}

  @Override
  public T restore(UUID id) {
    Actor actor = db.actor();
    T current = table.get(id);
    if (current == null || current.deletedAt() == null) {
      throw new NotFoundException("deleted " + what, id);
    }
    long deletedIn = db.history.lastDeletion(type, id);
    T live = with(current, current.version(), current.stamp(), null);
    checkUnique(live);
    T restored = with(live, current.version() + 1, Stamps.updated(current.stamp(), actor,
        db.now()), null);
    table.put(id, restored);
    db.history.record(type, id, RevisionKind.MODIFIED, state(restored));
    db.updates.incrementAndGet();
    afterRestore(restored, deletedIn);
    return restored;
  }

  /** Restores the children deleted with the aggregate in revision {@code deletedIn}. */
  protected void afterRestore(T aggregate, long deletedIn) {}

  protected T liveRow(UUID id) {
    Objects.requireNonNull(id, "id");
    T row = table.get(id);
    if (row == null || row.deletedAt() != null) {
      throw new NotFoundException(what, id);
    }
    return row;
  }

  protected void checkUnique(T aggregate) {
    for (Unique<T> unique : uniques) {
      Object key = unique.key().apply(aggregate);
      if (key != null && live().anyMatch(other -> !other.id().equals(aggregate.id())
          && key.equals(unique.key().apply(other)))) {
        throw new ConflictException(unique.message());
      }
    }
  }

  /** The live row with this value of a key, if any. */
  protected Optional<T> findLive(Predicate<T> test) {
    return db.one(live().filter(test).findFirst());
  }
}
