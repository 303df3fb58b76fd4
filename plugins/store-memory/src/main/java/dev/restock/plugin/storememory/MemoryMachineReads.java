package dev.restock.plugin.storememory;

import dev.restock.api.reads.StoredRead;
import dev.restock.api.reads.port.out.MachineReads;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Machine reads, append-only, in the order they were appended. */
final class MemoryMachineReads implements MachineReads {
  private final MemoryDb db;
  private final Table<Long, StoredRead> table;

  MemoryMachineReads(MemoryDb db) {
    this.db = db;
    this.table = new Table<>(db);
  }

  @Override
  public void append(StoredRead read) {
    Objects.requireNonNull(read, "read");
    db.writeUnit();
    table.put((long) table.size(), read);
    db.inserts.incrementAndGet();
  }

  @Override
  public boolean containsHash(String contentHash) {
    boolean found = table.all().stream().anyMatch(r -> r.contentHash().equals(contentHash));
    return db.counted(found, found ? 1 : 0);
  }

  @Override
  public Optional<StoredRead> latestFor(UUID deviceId) {
    StoredRead latest = null;
    for (StoredRead r : table.all()) {
      // same time: the later append wins
      if (r.deviceId().equals(deviceId)
          && (latest == null || !r.readAt().isBefore(latest.readAt()))) {
        latest = r;
      }
    }
    return db.counted(Optional.ofNullable(latest), latest == null ? 0 : 1);
  }

  @Override
  public List<StoredRead> between(UUID deviceId, Instant since, Instant until) {
    // a stable sort keeps append order among reads of the same time
    List<StoredRead> found = table.all().stream()
        .filter(r -> deviceId == null || r.deviceId().equals(deviceId))
        .filter(r -> !r.readAt().isBefore(since) && r.readAt().isBefore(until))
        .sorted(Comparator.comparing(StoredRead::readAt)).toList();
    return db.counted(found, found.size());
  }
}
