package dev.restock.jpa.backup;

import dev.restock.jpa.config.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One backup file and what is known about it (kept beside it as {@code FILE.json}).
 *
 * @param file the compressed backup
 * @param takenAt when the backup's snapshot was taken
 * @param database which database it came from (and can be restored into)
 * @param source the store it was taken from, password-free
 * @param schemaVersion the schema version of the copy
 * @param rowCounts rows per table in the copy
 * @param sha256 checksum of {@code file}
 * @param bytes size of {@code file}
 * @param note why it was taken, e.g. {@code before migrating from 2 to 3}; may be null
 * @param keyId id of the key that signed this metadata ({@code CheckpointSigner#keyId()}), or
 *     null when the backup is unsigned
 * @param signature Base64 Ed25519 signature over every other field, or null when unsigned
 */
public record BackupInfo(
    Path file, Instant takenAt, Database database, String source, String schemaVersion,
    Map<String, Long> rowCounts, String sha256, long bytes, String note, String keyId,
    String signature) {
  public BackupInfo {
    rowCounts = Map.copyOf(rowCounts);
    if ((keyId == null) != (signature == null)) {
      throw new IllegalArgumentException("keyId and signature go together");
    }
  }

  /** Whether the metadata carries a signature (not whether it verifies). */
  public boolean signed() {
    return signature != null;
  }
}
