package dev.restock.api.reads.port.in;

import dev.restock.api.reads.CashLine;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Import machine reads, derive the sales they show, and account for the cash. */
@Experimental(since = "0.2")
public interface MachineReadImport {

  /**
   * Parses every file, maps each read to a device by serial and each selection to a slot,
   * derives the units sold since the device's previous read, records them as sales and keeps the
   * reads, all in one unit of work. A file whose content was imported before is skipped.
   *
   * @throws dev.restock.api.error.ValidationException naming every problem (the file and line of
   *     a truncated or corrupted read, an unknown serial or selection, an implausible read and
   *     why) before anything is written; nothing is written
   */
  ImportResult importReads(ImportReads command);

  /** A device's reads with {@code since <= readAt < until}, oldest first. */
  List<StoredRead> reads(UUID deviceId, Instant since, Instant until);

  /**
   * Cash accountability per machine and visit (read to read) for visits ending in {@code since
   * <= to < until}, of one route's devices or, when {@code routeId} is null, of every device;
   * ordered by device serial, then time.
   */
  List<CashLine> cash(@Nullable UUID routeId, Instant since, Instant until);
}
