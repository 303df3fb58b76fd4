package dev.restock.jpa.backup;

import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.FieldCrypto;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The erasures a restore keeps in force (issue 20): read from the database being replaced, or
 * given by the operator, and applied to the staged copy before it is installed, so that a
 * restored backup taken before an erasure never makes the erased person readable again.
 * {@code subject_key}, {@code erased_subject} and {@code app_user.email_hmac} are neither
 * audited nor hash-chained; so that {@code audit verify} can tell the carried erasures from
 * faked ones, they are then recorded in one chained {@code user.erase} revision appended to the
 * staged chain (when the staged schema is this release's; otherwise a warning says they are
 * not).
 */
final class CarriedErasures {
  /** Subject to its erasure time as the database being replaced stored it (or a timestamp). */
  private final Map<String, Object> erasedAt;
  private int carried;
  private final List<UUID> activeUsers = new ArrayList<>();

  private CarriedErasures(Map<String, Object> erasedAt) {
    this.erasedAt = erasedAt;
  }

  /**
   * The erasures of {@code options} and, for a {@code replace} restore, those recorded in the
   * target. Reads only.
   *
   * @throws BackupException when the target cannot be read for its erasures and the options do
   *     not say to go on
   */
  static CarriedErasures of(JpaStoreConfig target, RestoreOptions options, Instant now,
      List<String> warnings) {
    Map<String, Object> erasedAt = new TreeMap<>();
    if (options.replace()) {
      try {
        erasedAt.putAll(readTarget(target));
      } catch (SQLException | RuntimeException e) {
        String problem = "the erasures of the database being replaced ("
            + BackupSql.description(target) + ") cannot be read: " + e.getMessage();
        if (!options.ignoreTargetErasures()) {
          throw new BackupException(problem + "; restoring would make the people erased there "
              + "readable again. Give their subjects with RestoreOptions.withErasedSubjects, or "
              + "go on without them with RestoreOptions.ignoringTargetErasures(); nothing was "
              + "restored", e);
        }
        warnings.add(problem + "; restored anyway without them because the options said so");
      }
    }
    Timestamp at = Timestamp.from(now);
    for (String subject : options.erasedSubjects()) {
      erasedAt.putIfAbsent(subject, at);
    }
    return new CarriedErasures(erasedAt);
  }

  /** A target that does not exist yet, or is older than V8, has no erasures. */
  private static Map<String, Object> readTarget(JpaStoreConfig target) throws SQLException {
    Map<String, Object> found = new TreeMap<>();
    if (target.jdbcUrl().startsWith("jdbc:sqlite:")) {
      java.nio.file.Path file = BackupSql.sqliteFile(target);
      if (!java.nio.file.Files.exists(file)) {
        return found;
      }
    }
    try (Connection c = BackupSql.connect(target)) {
      if (!hasTable(c, BackupSql.schemaOf(target), "erased_subject")) {
        return found;
      }
      try (PreparedStatement p = c.prepareStatement(
              "select subject, erased_at from erased_subject");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          found.put(r.getString(1), r.getObject(2));
        }
      }
    }
    return found;
  }

  private static boolean hasTable(Connection c, String schema, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet r = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (r.next()) {
        if (table.equals(r.getString("TABLE_NAME").toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  boolean isEmpty() {
    return erasedAt.isEmpty();
  }

  int carried() {
    return carried;
  }

  List<UUID> activeUsers() {
    return List.copyOf(activeUsers);
  }

  /**
   * Applies the erasures to the staged copy in one transaction: every data key of the subjects
   * destroyed ({@link FieldCrypto#destroySubjectKeys}: overwritten, then deleted), the missing
   * {@code erased_subject} rows inserted with their original time, the
   * e-mail equality index of erased users cleared. Then, in a second transaction, one chained
   * revision {@code user.erase} with an audit event per newly erased user, which {@code audit
   * verify} asks for; only when {@code sameRelease} (the staged schema is this release's, so its
   * chain was checked and a store can open it), otherwise a warning says the erasures are not
   * recorded. Warns about erased users active in the backup.
   *
   * @param sameRelease whether the staged copy's chain was checked with this release
   * @return the rows per table the staged copy holds afterwards
   * @throws BackupException when the staged copy cannot hold erasures (a backup taken before
   *     encrypted personal data: its values are plain and cannot be erased by a restore), or
   *     the revision recording them cannot be written; nothing is installed then
   */
  Map<String, Long> applyTo(JpaStoreConfig staged, BackupInfo info, boolean sameRelease,
      List<String> warnings) throws SQLException {
    String schema = BackupSql.schemaOf(staged);
    try (Connection c = BackupSql.connect(staged)) {
      if (isEmpty()) {
        return BackupSql.counts(c, schema);
      }
      if (!hasTable(c, schema, "erased_subject")) {
        throw new BackupException("backup " + info.file().getFileName() + " (schema version "
            + info.schemaVersion() + ") predates encrypted personal data: the " + erasedAt.size()
            + " erased subjects " + erasedAt.keySet() + " are plain text in it and a restore "
            + "cannot erase them; restore a backup taken with schema version 8 or later, or "
            + "erase them again after restoring; nothing was restored");
      }
      c.setAutoCommit(false);
      Set<String> already = new java.util.HashSet<>();
      try {
        try (PreparedStatement p = c.prepareStatement("select subject from erased_subject");
            ResultSet r = p.executeQuery()) {
          while (r.next()) {
            already.add(r.getString(1));
          }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into erased_subject (subject, erased_at) values (?, ?)");
            PreparedStatement index = c.prepareStatement(
                "update app_user set email_hmac = null where id = ?");
            PreparedStatement active = c.prepareStatement(
                "select count(*) from app_user where id = ? and active = ? "
                    + "and deleted_at is null")) {
          for (Map.Entry<String, Object> e : erasedAt.entrySet()) {
            String subject = e.getKey();
            FieldCrypto.destroySubjectKeys(c, subject);
            if (!already.contains(subject)) {
              insert.setString(1, subject);
              insert.setObject(2, e.getValue());
              insert.executeUpdate();
            }
            if (subject.startsWith("user:")) {
              String id = subject.substring("user:".length());
              index.setString(1, id);
              index.executeUpdate();
              active.setString(1, id);
              active.setBoolean(2, true);
              try (ResultSet r = active.executeQuery()) {
                if (r.next() && r.getLong(1) > 0) {
                  activeUsers.add(UUID.fromString(id));
                }
              }
            }
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      List<UUID> recorded = new ArrayList<>();
      for (String subject : erasedAt.keySet()) {
        if (subject.startsWith("user:") && !already.contains(subject)) {
          recorded.add(UUID.fromString(subject.substring("user:".length())));
        }
      }
      // erased_subject is not chained: verify asks for a chained user.erase event per erased
      // user, which a backup taken before the erasure lacks
      if (!sameRelease) {
        if (!recorded.isEmpty()) {
          warnings.add("the erasures of users " + recorded + " were carried into backup "
              + info.file().getFileName() + " (schema version " + info.schemaVersion()
              + ", not this release's) but not recorded in its history: 'restock audit verify'"
              + " with the release that matches it reports them as erasures without a "
              + "user.erase event");
        }
      } else {
        try {
          JpaStore.recordCarriedErasures(staged, recorded,
              String.valueOf(info.file().getFileName()), Instant.now());
        } catch (RuntimeException e) {
          throw new BackupException("the erasures carried into backup "
              + info.file().getFileName() + " cannot be recorded in its history: "
              + e.getMessage() + "; nothing was restored", e);
        }
      }
      carried = erasedAt.size();
      if (!activeUsers.isEmpty()) {
        warnings.add("users " + activeUsers + " were erased but are active in backup "
            + info.file().getFileName() + ": their personal data stays unreadable, but their "
            + "accounts are as the backup had them; deactivate them");
      }
      return BackupSql.counts(c, schema);
    }
  }
}
