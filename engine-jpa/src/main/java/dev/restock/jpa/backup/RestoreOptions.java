package dev.restock.jpa.backup;

import dev.restock.api.stability.Experimental;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
 *     on the target meanwhile. The erasures recorded in the database being replaced are carried
 *     into the restored copy (see {@link Backups#restore(java.nio.file.Path,
 *     dev.restock.jpa.config.JpaStoreConfig, RestoreOptions)})
 * @param erasedSubjects subjects ({@code user:<uuid>}) to keep erased in the restored copy on
 *     top of the target's own erasures; never null, sorted, validated
 * @param ignoreTargetErasures go on when the erasures of the database being replaced cannot be
 *     read (the result warns); without it such a restore is refused
 */
public record RestoreOptions(PublicKey trustedKey, boolean allowUnsigned, boolean replace,
    @Experimental(since = "0.3") Set<String> erasedSubjects,
    @Experimental(since = "0.3") boolean ignoreTargetErasures) {
  private static final Pattern USER_SUBJECT = Pattern.compile(
      "user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * @throws BackupException naming every subject of {@code erasedSubjects} that is not of the
   *     form {@code user:<uuid>} (lower-case, as the store records it)
   */
  public RestoreOptions {
    erasedSubjects = validated(erasedSubjects);
  }

  /** The options before erasures were carried: none given, the target's read and required. */
  public RestoreOptions(PublicKey trustedKey, boolean allowUnsigned, boolean replace) {
    this(trustedKey, allowUnsigned, replace, Set.of(), false);
  }

  /** Only backups signed with {@code key} are restored, into an empty target. */
  public static RestoreOptions trusting(PublicKey key) {
    return new RestoreOptions(Objects.requireNonNull(key, "key"), false, false);
  }

  /** No key: only {@link #withAllowUnsigned} lets anything be restored. */
  public static RestoreOptions noKey() {
    return new RestoreOptions(null, false, false);
  }

  public RestoreOptions withAllowUnsigned(boolean allow) {
    return new RestoreOptions(trustedKey, allow, replace, erasedSubjects, ignoreTargetErasures);
  }

  public RestoreOptions withReplace(boolean replaceTarget) {
    return new RestoreOptions(trustedKey, allowUnsigned, replaceTarget, erasedSubjects,
        ignoreTargetErasures);
  }

  /**
   * These options, also keeping {@code subjects} erased in the restored copy: their data keys
   * are deleted from it, each is recorded in its {@code erased_subject} (at the time of the
   * restore, unless the backup or the target already records it) and the users' e-mail
   * equality index is cleared, before the copy is installed. For disaster recovery into a new
   * or empty target, where no database being replaced holds the erasure list: take it from the
   * audit log's {@code user.erase} events or an export of {@code erased_subject}.
   *
   * @param subjects subjects of the form {@code user:<uuid>}; replaces any given before
   * @throws BackupException naming every subject that is not of that form; nothing is written
   * @throws NullPointerException when {@code subjects} or one of them is null
   */
  @Experimental(since = "0.3")
  public RestoreOptions withErasedSubjects(Set<String> subjects) {
    return new RestoreOptions(trustedKey, allowUnsigned, replace,
        Objects.requireNonNull(subjects, "subjects"), ignoreTargetErasures);
  }

  /**
   * These options, going on with a {@code replace} restore whose target cannot be read for its
   * erasures (a damaged or unreachable database); the result then warns that its erasures, if
   * any, were not carried over. Without it such a restore is refused, so erasures are never
   * dropped silently.
   */
  @Experimental(since = "0.3")
  public RestoreOptions ignoringTargetErasures() {
    return new RestoreOptions(trustedKey, allowUnsigned, replace, erasedSubjects, true);
  }

  private static Set<String> validated(Set<String> subjects) {
    if (subjects == null || subjects.isEmpty()) {
      return Set.of();
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String subject : subjects) {
      sorted.add(Objects.requireNonNull(subject, "an erased subject"));
    }
    List<String> bad = new ArrayList<>();
    for (String subject : sorted) {
      if (!USER_SUBJECT.matcher(subject).matches()) {
        bad.add("'" + subject + "'");
      }
    }
    if (!bad.isEmpty()) {
      throw new BackupException("erased subjects must be user:<uuid> (lower-case); not: "
          + String.join(", ", bad) + "; nothing was restored");
    }
    return java.util.Collections.unmodifiableSet(sorted);
  }
}
