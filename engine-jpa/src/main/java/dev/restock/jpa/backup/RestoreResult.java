package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
 * @param erasuresCarried how many erased subjects (read from the database replaced, or given in
 *     {@link RestoreOptions#withErasedSubjects}) the restored copy keeps erased
 * @param activeErasedUsers users among them that are active in the backup: their personal data
 *     is unreadable, but their account is as the backup had it; deactivate them ({@code
 *     warnings} names them too)
 */
public record RestoreResult(BackupInfo backup, boolean signatureVerified,
    Optional<ChainVerification> chain, List<String> warnings,
    @Experimental(since = "0.3") int erasuresCarried,
    @Experimental(since = "0.3") List<UUID> activeErasedUsers) {
  public RestoreResult {
    warnings = List.copyOf(warnings);
    activeErasedUsers = List.copyOf(activeErasedUsers);
  }

  /** A result that carried no erasure. */
  public RestoreResult(BackupInfo backup, boolean signatureVerified,
      Optional<ChainVerification> chain, List<String> warnings) {
    this(backup, signatureVerified, chain, warnings, 0, List.of());
  }
}
