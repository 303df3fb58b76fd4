package dev.restock.jpa.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What a backup folder holds.
 *
 * @param backups readable backups, newest first
 * @param skipped metadata files that could not be used, each with the reason (never touched)
 * @param orphans leftovers of backups that were killed or failed: temporary files and data files
 *     without metadata
 */
public record BackupListing(List<BackupInfo> backups, List<String> skipped, List<Path> orphans) {
  public BackupListing {
    backups = List.copyOf(backups);
    skipped = List.copyOf(skipped);
    orphans = List.copyOf(orphans);
  }
}
