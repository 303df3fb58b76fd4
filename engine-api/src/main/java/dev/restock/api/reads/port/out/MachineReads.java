package dev.restock.api.reads.port.out;

import dev.restock.api.reads.StoredRead;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  /** Whether a read from a file with this content hash is stored. */
  boolean containsHash(String contentHash);

  /**
   * The device's latest read: the greatest {@code readAt}; of reads with the same time, the last
   * appended. Empty when the device has none.
   */
  Optional<StoredRead> latestFor(UUID deviceId);

  /**
   * Reads with {@code since <= readAt < until}, oldest first (same time: in append order), of one
   * device or, when {@code deviceId} is null, of every device.
   */
  List<StoredRead> between(@org.jspecify.annotations.Nullable UUID deviceId, Instant since,
      Instant until);
}
