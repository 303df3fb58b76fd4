package dev.restock.jpa.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What pruning deleted.
 *
 * @param deleted backups deleted (data file and metadata)
 * @param orphansDeleted leftovers of killed backups deleted, all older than the retention
 * @param skipped metadata files that could not be used, with the reason; left in place
 */
public record PruneResult(List<BackupInfo> deleted, List<Path> orphansDeleted,
    List<String> skipped) {
  public PruneResult {
    deleted = List.copyOf(deleted);
    orphansDeleted = List.copyOf(orphansDeleted);
    skipped = List.copyOf(skipped);
  }
}
