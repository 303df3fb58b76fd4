package dev.restock.core.plugin;

import dev.restock.api.error.ValidationException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Registered plugin contributions of one kind by id. Immutable; duplicate ids are refused. */
public final class Registry<T> {
  private final String kind;
  private final String field;
  private final Map<String, T> byId;

  /**
   * @param kind human name, e.g. {@code pick-list strategy}
   * @param field the command field an unknown id is reported on
   * @throws IllegalStateException naming the id when two entries share one
   */
  public Registry(String kind, String field, Collection<? extends T> entries,
      Function<T, String> idOf) {
    this(kind, field, entries, idOf, entry -> entry.getClass().getName());
  }

  /**
   * @param describe names an entry and who contributed it, for the duplicate-id error
   * @throws IllegalStateException naming the id and both entries when two entries share one
   */
  public Registry(String kind, String field, Collection<? extends T> entries,
      Function<T, String> idOf, Function<Object, String> describe) {
    this.kind = kind;
    this.field = field;
    Map<String, T> map = new TreeMap<>();
    for (T entry : entries) {
      String id = Objects.requireNonNull(idOf.apply(entry),
          () -> entry.getClass().getName() + ".id() is null");
      T previous = map.putIfAbsent(id, entry);
      if (previous != null) {
        throw new IllegalStateException("the " + kind + " id '" + id + "' is registered twice: "
            + describe.apply(previous) + " and " + describe.apply(entry));
      }
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /** @throws ValidationException naming the known ids when {@code id} is not registered */
  public T require(String id) {
    T entry = id == null ? null : byId.get(id);
    if (entry == null) {
      throw ValidationException.of(field,
          "unknown " + kind + " '" + id + "'; known: " + String.join(", ", byId.keySet()));
    }
    return entry;
  }

  public Set<String> ids() {
    return byId.keySet();
  }
}
