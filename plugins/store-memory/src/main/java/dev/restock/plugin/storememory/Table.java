package dev.restock.plugin.storememory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows by key. Reads need a unit of work, writes a read-write one; every write is journaled so a
 * rolled-back unit leaves the table as it found it. Guarded by the database's lock: writers hold
 * it exclusively, so plain maps are safe.
 */
final class Table<K, V> {
  private final MemoryDb db;
  private final Map<K, V> rows = new LinkedHashMap<>();

  Table(MemoryDb db) {
    this.db = db;
  }

  V get(K key) {
    db.unit();
    return rows.get(key);
  }

  /** A copy of every row, in insertion order. */
  List<V> all() {
    db.unit();
    return new ArrayList<>(rows.values());
  }

  Collection<K> keys() {
    db.unit();
    return List.copyOf(rows.keySet());
  }

  void put(K key, V value) {
    Objects.requireNonNull(value, "value");
    Unit unit = db.writeUnit();
    V old = rows.put(key, value);
    unit.onRollback(() -> {
      if (old == null) {
        rows.remove(key);
      } else {
        rows.put(key, old);
      }
    });
  }

  int size() {
    db.unit();
    return rows.size();
  }
}
