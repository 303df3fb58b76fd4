package dev.restock.core.shared;

import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.PickListStrategy;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The registered pick-list strategies by id. Immutable; duplicate ids are refused. */
public final class StrategyRegistry {
  private final Map<String, PickListStrategy> byId;

  /** @throws IllegalStateException naming the id when two strategies share one */
  public StrategyRegistry(Collection<? extends PickListStrategy> strategies) {
    Map<String, PickListStrategy> map = new TreeMap<>();
    for (PickListStrategy s : strategies) {
      String id = Objects.requireNonNull(s.id(), () -> s.getClass().getName() + ".id() is null");
      PickListStrategy previous = map.putIfAbsent(id, s);
      if (previous != null) {
        throw new IllegalStateException("two pick-list strategies have the id '" + id + "': "
            + previous.getClass().getName() + " and " + s.getClass().getName());
      }
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /** @throws ValidationException naming the known ids when {@code id} is not registered */
  public PickListStrategy require(String id) {
    PickListStrategy strategy = id == null ? null : byId.get(id);
    if (strategy == null) {
      throw ValidationException.of("strategy",
          "unknown pick-list strategy '" + id + "'; known: " + String.join(", ", byId.keySet()));
    }
    return strategy;
  }

  public Set<String> ids() {
    return byId.keySet();
  }
}
