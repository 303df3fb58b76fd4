package dev.restock.jpa.backup;

import java.security.PublicKey;

/**
 * How a restore may proceed.
 *
 * @param trustedKey the Ed25519 public key backups must be signed with (the audit key's), or null
 *     when none is at hand; then only {@code allowUnsigned} lets a restore go ahead
 * @param allowUnsigned restore even when the metadata is unsigned, cannot be checked or does not
 *     verify; the {@link RestoreResult} then says so. The checksum, row counts and history chain
 *     are checked all the same
 * @param replace replace what the target holds (a release rollback): SQLite keeps the old file
 *     as {@code FILE.replaced-TIME}, H2 drops all objects, PostgreSQL drops the old schema, each
 *     only once the backup has been restored and checked elsewhere. The store must not be open
 *     on the target meanwhile
 */
public record RestoreOptions(PublicKey trustedKey, boolean allowUnsigned, boolean replace) {

  /** Only backups signed with {@code key} are restored, into an empty target. */
  public static RestoreOptions trusting(PublicKey key) {
    return new RestoreOptions(java.util.Objects.requireNonNull(key, "key"), false, false);
  }

  /** No key: only {@link #withAllowUnsigned} lets anything be restored. */
  public static RestoreOptions noKey() {
    return new RestoreOptions(null, false, false);
  }

  public RestoreOptions withAllowUnsigned(boolean allow) {
    return new RestoreOptions(trustedKey, allow, replace);
  }

  public RestoreOptions withReplace(boolean replaceTarget) {
    return new RestoreOptions(trustedKey, allowUnsigned, replaceTarget);
  }
}
