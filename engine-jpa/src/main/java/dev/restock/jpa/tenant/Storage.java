package dev.restock.jpa.tenant;

import dev.restock.jpa.config.JpaStoreConfig;
import java.time.Clock;
import java.util.Optional;
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
   * Whether the storage of {@code id} at {@code placement} exists; only {@link #make} makes it,
   * so a tenant whose storage is missing is never given a new empty one by opening its store.
   */
  boolean exists(String id, String placement);

  /**
   * Removes the storage of {@code id} at {@code placement} with whatever a failed first open left
   * in it (a partly migrated schema, a file and its {@code -wal}/{@code -shm}, a database), so
   * that the id can be made again; nothing there is no failure.
   *
   * @throws TenantDirectoryException when the storage is there and cannot be removed
   */
  void discard(String id, String placement);

  /**
   * Copies tenant {@code id}'s data from {@code from} to {@code to}, replacing a leftover copy
   * there.
   */
  default void copy(String id, String from, String to) {
    throw new UnsupportedOperationException(
        "this tenant directory has a single place; tenants cannot be moved");
  }

  /**
   * Called after {@code id} was placed elsewhere than {@code old}, to retire the old copy.
   *
   * @return what went wrong when the old copy could not be retired (the move stands: the
   *     directory records it), or empty
   */
  default Optional<String> left(String id, String old) {
    return Optional.empty();
  }

  /** The clock the directory stamps its own records with. */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /** Releases what the storage holds. */
  default void close() {}
}
