package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import java.util.List;
import java.util.Optional;

/**
 * What a restore did and what it could prove.
 *
 * @param backup the restored backup's metadata
 * @param signatureVerified whether the metadata (and so the checksum of the content) verified
 *     with the trusted key; false only when unsigned backups were explicitly allowed
 * @param chain the history chain of the restored copy, verified before it replaced anything;
 *     empty when the backup's schema is not this release's (then {@code warnings} says so)
 * @param warnings what was not proven, e.g. an unsigned backup restored on request; empty when
 *     everything was checked
 */
public record RestoreResult(BackupInfo backup, boolean signatureVerified,
    Optional<ChainVerification> chain, List<String> warnings) {
  public RestoreResult {
    warnings = List.copyOf(warnings);
  }
}
