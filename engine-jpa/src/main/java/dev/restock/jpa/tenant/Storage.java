package dev.restock.jpa.tenant;

import dev.restock.jpa.config.JpaStoreConfig;
import java.util.Set;

/** Where one kind of directory keeps its tenants' stores; the directory does the bookkeeping. */
interface Storage {

  /** The places tenants may be put. */
  Set<String> placements();

  /** Where a tenant naming no placement goes. */
  String defaultPlacement();

  /** Ids this storage cannot give a tenant (e.g. the catalogue's own file name). */
  default Set<String> reservedIds() {
    return Set.of();
  }

  /** The store configuration of tenant {@code id} at {@code placement}. */
  JpaStoreConfig config(String id, String placement);

  /**
   * Makes the empty storage of {@code id} at {@code placement}; fails when storage of that name
   * exists already (a leftover is never adopted as a new tenant's).
   */
  void make(String id, String placement);

  /** Removes what {@link #make} made, after the catalogue could not record it; best effort. */
  void unmake(String id, String placement);

  /**
   * Copies tenant {@code id}'s data from {@code from} to {@code to}, replacing a leftover copy
   * there.
   */
  default void copy(String id, String from, String to) {
    throw new UnsupportedOperationException(
        "this tenant directory has a single place; tenants cannot be moved");
  }

  /** Called after {@code id} was placed elsewhere than {@code old}, to retire the old copy. */
  default void left(String id, String old) {}

  /** Releases what the storage holds. */
  default void close() {}
}
