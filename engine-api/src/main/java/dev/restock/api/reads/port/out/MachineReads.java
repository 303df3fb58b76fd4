package dev.restock.api.reads.port.out;

import dev.restock.api.reads.StoredRead;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Append-only record of machine reads: a read is never changed nor deleted, and keeps pointing at
 * its device after the device is deleted. Reads are written in the unit of work that appends them
 * and roll back with it. The rules all store ports follow are on {@link dev.restock.api.spi.Store}.
 * Checked by {@code MachineReadsContract}.
 */
@Experimental(since = "0.2")
public interface MachineReads {

  /**
   * Appends one read, stored as given, except that amounts are kept to the cent: they come back
   * with two decimal places. Needs a read-write unit of work.
   *
   * @throws IllegalArgumentException when an amount has more than two decimal places or more
   *     than {@link dev.restock.api.validation.Checks#MONEY_INTEGER_DIGITS} digits before the
   *     point; nothing is written
   * @throws IllegalStateException outside a read-write unit of work
   */
  void append(StoredRead read);

  /**
   * Appends reads as {@link #append} does, in list order (reads of the same time keep it as their
   * append order), so that a store can write them in batches: an import of many machines' reads
   * costs a store that overrides this a fixed number of statements. The default appends them one
   * by one. Needs a read-write unit of work.
   *
   * @throws IllegalArgumentException as {@link #append} does, for the first read with a bad
   *     amount; nothing is written
   * @throws IllegalStateException outside a read-write unit of work
   */
  @Experimental(since = "0.2")
  default void appendAll(List<StoredRead> reads) {
    reads.forEach(this::append);
  }

  /** Whether a read from a file with this content hash is stored. */
  boolean containsHash(String contentHash);

  /**
   * Which of these content hashes a stored read came from ({@link #containsHash} for many at
   * once, in a fixed number of statements where the store overrides it); never null.
   */
  @Experimental(since = "0.2")
  default Set<String> storedHashes(Collection<String> contentHashes) {
    Set<String> stored = new HashSet<>();
    for (String hash : contentHashes) {
      if (containsHash(hash)) {
        stored.add(hash);
      }
    }
    return stored;
  }

  /**
   * The device's latest read: the greatest {@code readAt}; of reads with the same time, the last
   * appended. Empty when the device has none.
   */
  Optional<StoredRead> latestFor(UUID deviceId);

  /**
   * The latest read of each of these devices, as {@link #latestFor(UUID)} finds it, keyed by
   * device id; a device without reads is absent. A store that overrides it reads any number of
   * devices in a fixed number of statements; the default asks device by device.
   */
  @Experimental(since = "0.2")
  default Map<UUID, StoredRead> latestOf(Collection<UUID> deviceIds) {
    Map<UUID, StoredRead> latest = new HashMap<>();
    for (UUID device : deviceIds) {
      latestFor(device).ifPresent(read -> latest.put(device, read));
    }
    return latest;
  }

  /**
   * Reads with {@code since <= readAt < until}, oldest first (same time: in append order), of one
   * device or, when {@code deviceId} is null, of every device.
   */
  List<StoredRead> between(@org.jspecify.annotations.Nullable UUID deviceId, Instant since,
      Instant until);
}
