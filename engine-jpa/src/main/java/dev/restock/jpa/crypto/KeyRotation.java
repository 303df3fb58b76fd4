package dev.restock.jpa.crypto;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.port.out.AuditLog;
import dev.restock.api.stability.Experimental;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.jpa.crypto.FieldCrypto.Dek;
import dev.restock.jpa.dialect.StoreDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * Rotation of the master key (KEK) of the JPA store's encrypted fields (docs/personal-data.md):
 * after the operator makes a new master key current (e.g. {@link KeyFileKeyProvider#addKey}),
 * every subject gets a new data key wrapped under it, every sealed value of the live and
 * {@code _aud} tables is re-encrypted under its subject's new data key (same salt and
 * commitment, so the hash chain, checkpoints and inclusion proofs keep every hash; no revision
 * is written per row), and the data keys under older master keys are deleted, after which the
 * old master key can be thrown away.
 *
 * <p>Reads and writes work throughout in processes that know the new master key: old data keys
 * exist until the end, and writers use the newest data key of their subject. A process started
 * before the new master key was added (its key provider read the old key file) fails with
 * {@link KeyProviderException} as soon as it meets a value under a new data key, which starts
 * with the rotation's first batch: restart every process using the database with the new key
 * file <em>before</em> rotating. Each batch is a transaction of its own and every step is
 * idempotent, so a rotation killed at any moment is resumed by running it again (it skips what
 * is done). Start and finish are audit events ({@code keys.rotate-start},
 * {@code keys.rotate-finish}) of revisions of their own. A second rotation in the same process
 * is refused with {@link KeyRotationException}; rotations in two processes both end correct
 * (the steps that create and delete data keys run one at a time across processes).
 *
 * <p>Thread-safe. Obtain it from {@code JpaStore.keyRotation()}.
 */
@Experimental(since = "0.3")
public final class KeyRotation {
  /** Rows re-encrypted per transaction unless told otherwise. */
  public static final int DEFAULT_BATCH = 200;
  private static final long LOCK_KEY = 0x7265_6b65_7931L;
  private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

  /** A sealed column of a table, live or history; {@code liveTable} names it in the AAD. */
  private record Target(String table, String liveTable, String column, boolean history) {}

  private static final List<Target> TARGETS = targets();

  private static List<Target> targets() {
    List<Target> t = new ArrayList<>();
    for (String[] c : new String[][] {{"app_user", "email"}, {"location", "address"},
        {"service_order", "notes"}, {"service_visit", "notes"}}) {
      t.add(new Target(c[0], c[0], c[1], false));
      t.add(new Target(c[0] + "_aud", c[0], c[1], true));
    }
    return List.copyOf(t);
  }

  /**
   * Where a rotation stands.
   *
   * @param table the table being walked ({@code table.column}), or the step's name
   * @param tablesDone tables (live and history) walked so far, of {@code tables}
   * @param tables tables to walk
   * @param rowsReencrypted values re-encrypted so far in this run
   * @param rowsLeftEstimate sealed values still to look at (an estimate: writers add some)
   */
  @Experimental(since = "0.3")
  public record Progress(String table, int tablesDone, int tables, long rowsReencrypted,
      long rowsLeftEstimate) {}

  /** Told of progress after each batch, on the rotating thread. */
  @Experimental(since = "0.3")
  @FunctionalInterface
  public interface Listener {
    /** Called after each committed batch; must not throw. */
    void onProgress(Progress progress);
  }

  /**
   * A finished rotation.
   *
   * @param newDataKeys data keys created under the current master key
   * @param rowsReencrypted values re-encrypted (live and history)
   * @param oldDataKeysDeleted data keys under older master keys deleted at the end
   */
  @Experimental(since = "0.3")
  public record Result(int newDataKeys, long rowsReencrypted, int oldDataKeysDeleted) {}

  /**
   * The data keys by master key.
   *
   * @param currentKeyId the provider's current master key
   * @param dataKeysByMasterKey how many data keys each master key id wraps
   */
  @Experimental(since = "0.3")
  public record Status(String currentKeyId, Map<String, Integer> dataKeysByMasterKey) {
    /** Whether some data key is wrapped under a master key that is not current. */
    public boolean rotationNeeded() {
      return dataKeysByMasterKey.keySet().stream().anyMatch(k -> !k.equals(currentKeyId));
    }
  }

  /** A rotation running in the background ({@link #start}). */
  @Experimental(since = "0.3")
  public static final class Handle {
    private final AtomicReference<Progress> progress =
        new AtomicReference<>(new Progress("starting", 0, TARGETS.size(), 0, 0));
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Result> done = new CompletableFuture<>();

    private Handle() {}

    /** The latest progress. */
    public Progress progress() {
      return progress.get();
    }

    /** Asks the rotation to stop after the current batch; running it again resumes it. */
    public void cancel() {
      cancelled.set(true);
    }

    /** Whether it has ended (finished, failed or cancelled). */
    public boolean isDone() {
      return done.isDone();
    }

    /**
     * Waits for the end.
     *
     * @throws CancellationException when it was cancelled
     * @throws KeyRotationException when it failed
     */
    public Result await() throws InterruptedException {
      try {
        return done.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new KeyRotationException("key rotation failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private final DataSource dataSource;
  private final StoreDialect dialect;
  private final FieldCrypto crypto;
  private final TransactionBoundary transactions;
  private final AuditLog auditLog;
  private final Clock clock;
  private final String lockName;
  private final Runnable afterKeysDeleted;

  /**
   * For {@code JpaStore}.
   *
   * @param lockName names the database: one rotation per name runs in this process
   * @param afterKeysDeleted evicts what caches entities (their old ciphertext) once old data
   *     keys are gone
   */
  public KeyRotation(DataSource dataSource, StoreDialect dialect, FieldCrypto crypto,
      TransactionBoundary transactions, AuditLog auditLog, Clock clock, String lockName,
      Runnable afterKeysDeleted) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.crypto = crypto;
    this.transactions = transactions;
    this.auditLog = auditLog;
    this.clock = clock;
    this.lockName = lockName;
    this.afterKeysDeleted = afterKeysDeleted;
  }

  /** The data keys by master key; reads only. */
  public Status status() {
    requireKeys();
    Map<String, Integer> byKek = new TreeMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select kek_id, count(*) from subject_key group by kek_id")) {
      while (r.next()) {
        byKek.put(r.getString(1), r.getInt(2));
      }
    } catch (SQLException e) {
      throw new KeyRotationException("cannot read subject_key: " + e.getMessage(), e);
    }
    return new Status(crypto.currentKeyId(), Map.copyOf(byKek));
  }

  /**
   * Starts a rotation on a thread of its own.
   *
   * @param actor who rotates (recorded with {@code reason} in the audit events)
   * @param reason why, not blank
   * @throws KeyRotationException when the store has no keys, {@code reason} is blank, or a
   *     rotation is already running in this process on this database
   */
  public Handle start(Actor actor, String reason) {
    return start(actor, reason, DEFAULT_BATCH);
  }

  /** {@link #start(Actor, String)} with {@code batchSize} rows per transaction. */
  public Handle start(Actor actor, String reason, int batchSize) {
    check(actor, reason, batchSize);
    claim();
    Handle handle = new Handle();
    Thread worker = new Thread(() -> {
      try {
        handle.done.complete(runClaimed(actor, reason, batchSize, handle.progress::set,
            handle.cancelled));
      } catch (Throwable t) {
        handle.done.completeExceptionally(t);
      }
    }, "restock-key-rotation");
    worker.setDaemon(true);
    worker.start();
    return handle;
  }

  /**
   * Runs a rotation (or resumes an interrupted one) to its end on this thread.
   *
   * @param batchSize rows per transaction, at least 1
   * @param listener told after each batch; may be null
   * @throws KeyRotationException as {@link #start}, or when the database fails (run again to
   *     resume)
   */
  public Result run(Actor actor, String reason, int batchSize, Listener listener) {
    check(actor, reason, batchSize);
    claim();
    return runClaimed(actor, reason, batchSize, listener == null ? p -> { } : listener,
        new AtomicBoolean());
  }

  private void check(Actor actor, String reason, int batchSize) {
    requireKeys();
    List<String> problems = new ArrayList<>();
    if (actor == null) {
      problems.add("actor is missing");
    }
    if (reason == null || reason.isBlank()) {
      problems.add("reason is missing: say why the master key is rotated");
    } else if (reason.length() > Actor.MAX_REASON) {
      problems.add("reason is longer than " + Actor.MAX_REASON + " characters");
    }
    if (batchSize < 1) {
      problems.add("batch size " + batchSize + " is below 1");
    }
    if (!problems.isEmpty()) {
      throw new KeyRotationException("key rotation refused: " + String.join("; ", problems),
          null);
    }
  }

  private void requireKeys() {
    if (!crypto.enabled()) {
      throw new KeyRotationException("the store was opened without keys: there is nothing to "
          + "rotate (configure JpaStoreConfig.withKeys or restock.keys.file)", null);
    }
  }

  private void claim() {
    if (!RUNNING.add(lockName)) {
      throw new KeyRotationException("a key rotation of " + lockName + " is already running in"
          + " this process; wait for it (Handle.await) or cancel it", null);
    }
  }

  private Result runClaimed(Actor actor, String reason, int batchSize, Listener listener,
      AtomicBoolean cancelled) {
    try {
      Actor who = new Actor(actor.userId(), actor.clientAddress(), actor.userAgent(), reason,
          actor.correlationId());
      String kek = crypto.currentKeyId();
      audit(who, "keys.rotate-start", Map.of("masterKey", kek, "reason", reason));
      int created = createNewDataKeys();
      long reencrypted = walk(batchSize, listener, cancelled);
      Map.Entry<Long, Integer> last = finish();
      reencrypted += last.getKey();
      listener.onProgress(new Progress("done", TARGETS.size(), TARGETS.size(), reencrypted, 0));
      audit(who, "keys.rotate-finish", Map.of("masterKey", kek, "reason", reason,
          "newDataKeys", String.valueOf(created), "rowsReencrypted", String.valueOf(reencrypted),
          "oldDataKeysDeleted", String.valueOf(last.getValue())));
      return new Result(created, reencrypted, last.getValue());
    } catch (SQLException e) {
      throw new KeyRotationException("key rotation stopped: " + e.getMessage() + "; run it again"
          + " to resume", e);
    } finally {
      RUNNING.remove(lockName);
    }
  }

  private void audit(Actor who, String action, Map<String, String> details) {
    transactions.writeVoid(new AuditContext(who, action), () -> auditLog.accept(new AuditEvent(
        0, clock.instant(), who.userId(), action, "master-key", null, details,
        who.clientAddress(), who.userAgent(), who.correlationId())));
  }

  /** A key row of {@code subject_key}. */
  private record KeyRow(int id, String subject, String kekId, String wrapped) {}

  private static List<KeyRow> keyRows(Connection c) throws SQLException {
    List<KeyRow> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "select id, subject, kek_id, wrapped from subject_key order by id")) {
      while (r.next()) {
        rows.add(new KeyRow(r.getInt(1), r.getString(2), r.getString(3), r.getString(4)));
      }
    }
    return rows;
  }

  /** Step 1: a data key under the current master key for every subject whose newest is not. */
  private int createNewDataKeys() throws SQLException {
    String kek = crypto.currentKeyId();
    return exclusive(List.of("subject_key"), c -> {
      Map<String, KeyRow> newest = new LinkedHashMap<>();
      for (KeyRow row : keyRows(c)) {
        newest.put(row.subject(), row);
      }
      int created = 0;
      try (PreparedStatement erased = c.prepareStatement(
              "select count(*) from erased_subject where subject = ?");
          PreparedStatement insert = c.prepareStatement("insert into subject_key "
              + "(subject, kek_id, wrapped, created_at) values (?, ?, ?, ?)")) {
        for (KeyRow row : newest.values()) {
          if (row.kekId().equals(kek)) {
            continue;
          }
          erased.setString(1, row.subject());
          try (ResultSet r = erased.executeQuery()) {
            // an erasure between reading and here must not bring a key back
            if (r.next() && r.getLong(1) > 0) {
              continue;
            }
          }
          insert.setString(1, row.subject());
          insert.setString(2, kek);
          insert.setString(3, crypto.newWrappedDek(row.subject()).getValue());
          insert.setTimestamp(4, Timestamp.from(clock.instant()));
          insert.executeUpdate();
          created++;
        }
      }
      return created;
    });
  }

  /** Unwrapped keys by id, and each subject's newest, read afresh when an unknown id shows. */
  private final class Keys {
    private final Map<Integer, Dek> byId = new HashMap<>();
    private final Map<String, Dek> newest = new HashMap<>();

    void load(Connection c) throws SQLException {
      byId.clear();
      newest.clear();
      for (KeyRow row : keyRows(c)) {
        Dek dek = crypto.unwrapRow(row.id(), row.subject(), row.kekId(), row.wrapped());
        byId.put(row.id(), dek);
        newest.put(row.subject(), dek);
      }
    }

    /**
     * The value re-encrypted under its subject's newest key, or null when it is already or is
     * not a well-formed sealed value (then it is plain text as far as reading goes).
     *
     * @throws KeyRotationException naming the row when a sealed value does not decrypt: it was
     *     altered, and deleting its key later would leave nothing to recover it with
     */
    String rekey(Connection c, Target t, Object rowId, String stored) throws SQLException {
      try {
        return rekey(c, t, stored);
      } catch (FieldDecryptionException e) {
        throw new KeyRotationException(t.table() + "." + t.column() + " of row " + rowId
            + " cannot be re-encrypted: " + e.getMessage() + (t.history()
                ? "; it is a history row, covered by the hash chain: restore it from a backup "
                    + "(clearing or deleting it breaks the chain)"
                : "; restore the row from a backup or clear the value")
            + ", then run the rotation again (no key has been deleted)", e);
      }
    }

    private String rekey(Connection c, Target t, String stored) throws SQLException {
      if (!FieldCrypto.isSealed(stored)) {
        return null;
      }
      int id = FieldCrypto.dekIdOf(stored);
      if (id < 0) {
        return null;
      }
      if (!byId.containsKey(id)) {
        load(c);
      }
      Dek from = byId.get(id);
      if (from == null) {
        return null; // its subject was erased: nothing to read, nothing to re-encrypt
      }
      Dek to = newest.get(from.subject());
      if (to.id() == from.id()) {
        return null;
      }
      return FieldCrypto.reseal(t.liveTable(), t.column(), stored, from, to);
    }
  }

  /** Step 2: every sealed value whose key is not its subject's newest, batch by batch. */
  private long walk(int batchSize, Listener listener, AtomicBoolean cancelled)
      throws SQLException {
    Keys keys = new Keys();
    long total = 0;
    try (Connection c = dataSource.getConnection()) {
      keys.load(c);
      for (Target t : TARGETS) {
        try (PreparedStatement p = c.prepareStatement("select count(*) from " + t.table()
            + " where " + t.column() + " like 'ENC1.%'"); ResultSet r = p.executeQuery()) {
          r.next();
          total += r.getLong(1);
        }
      }
    }
    long visited = 0;
    long reencrypted = 0;
    for (int i = 0; i < TARGETS.size(); i++) {
      Target t = TARGETS.get(i);
      Object[] after = null;
      while (true) {
        if (cancelled.get()) {
          throw new CancellationException("key rotation cancelled at " + t.table() + "."
              + t.column() + "; run it again to resume");
        }
        Object[] from = after;
        long[] counts = new long[2];
        Object[] last = exclusive(List.of(), c -> batch(c, t, from, batchSize, keys, counts));
        visited += counts[0];
        reencrypted += counts[1];
        listener.onProgress(new Progress(t.table() + "." + t.column(), i, TARGETS.size(),
            reencrypted, Math.max(0, total - visited)));
        if (last == null) {
          break;
        }
        after = last;
      }
    }
    return reencrypted;
  }

  /** One batch after key {@code after}; the last key walked, or null at the table's end. */
  private Object[] batch(Connection c, Target t, Object[] after, int size, Keys keys,
      long[] counts) throws SQLException {
    String keyCols = t.history() ? "id, rev" : "id";
    String bound = after == null ? ""
        : t.history() ? " and (id > ? or (id = ? and rev > ?))" : " and id > ?";
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("select " + keyCols + ", " + t.column()
        + " from " + t.table() + " where " + t.column() + " like 'ENC1.%'" + bound
        + " order by " + keyCols + " limit ?")) {
      int n = 1;
      if (after != null) {
        p.setObject(n++, after[0]);
        if (t.history()) {
          p.setObject(n++, after[0]);
          p.setObject(n++, after[1]);
        }
      }
      p.setInt(n, size);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          rows.add(t.history() ? new Object[] {r.getObject(1), r.getObject(2), r.getString(3)}
              : new Object[] {r.getObject(1), null, r.getString(2)});
        }
      }
    }
    String where = t.history() ? " where id = ? and rev = ?" : " where id = ?";
    try (PreparedStatement u = c.prepareStatement("update " + t.table() + " set " + t.column()
        + " = ?" + where + " and " + t.column() + " = ?")) {
      for (Object[] row : rows) {
        String stored = (String) row[2];
        String fresh = keys.rekey(c, t, row[0], stored);
        if (fresh == null) {
          continue;
        }
        int n = 1;
        u.setString(n++, fresh);
        u.setObject(n++, row[0]);
        if (t.history()) {
          u.setObject(n++, row[1]);
        }
        // a writer that changed the value meanwhile wins; the final scan checks its key
        u.setString(n, stored);
        counts[1] += u.executeUpdate();
      }
    }
    counts[0] = rows.size();
    return rows.size() < size ? null : rows.get(rows.size() - 1);
  }

  /**
   * Step 3, with writers of the sealed tables held off where the database can: re-encrypts any
   * value still under a data key of an older master key (a writer that began before step 1),
   * then deletes those keys. Returns values re-encrypted and keys deleted.
   */
  private Map.Entry<Long, Integer> finish() throws SQLException {
    String kek = crypto.currentKeyId();
    List<String> locked = new ArrayList<>(List.of("subject_key"));
    TARGETS.forEach(t -> locked.add(t.table()));
    Map.Entry<Long, Integer> done = exclusive(locked, c -> {
      Keys keys = new Keys();
      keys.load(c);
      List<Integer> old = new ArrayList<>();
      for (Dek dek : keys.byId.values()) {
        if (keys.newest.get(dek.subject()).id() != dek.id()) {
          old.add(dek.id());
        }
      }
      long count = 0;
      for (Target t : TARGETS) {
        String keyCols = t.history() ? "id, rev" : "id";
        for (int id : old) {
          List<Object[]> rows = new ArrayList<>();
          try (PreparedStatement p = c.prepareStatement("select " + keyCols + ", " + t.column()
              + " from " + t.table() + " where " + t.column() + " like ?")) {
            p.setString(1, "ENC1." + id + ".%");
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                String stored = r.getString(t.history() ? 3 : 2);
                // like is case-insensitive on SQLite and matches malformed values: only a
                // well-formed value under this very key is re-encrypted, anything else is left
                // as it is (never written as NULL)
                if (FieldCrypto.dekIdOf(stored) != id) {
                  continue;
                }
                rows.add(t.history()
                    ? new Object[] {r.getObject(1), r.getObject(2), stored}
                    : new Object[] {r.getObject(1), null, stored});
              }
            }
          }
          String where = t.history() ? " where id = ? and rev = ?" : " where id = ?";
          try (PreparedStatement u = c.prepareStatement("update " + t.table() + " set "
              + t.column() + " = ?" + where)) {
            for (Object[] row : rows) {
              String fresh = keys.rekey(c, t, row[0], (String) row[2]);
              if (fresh == null) {
                continue;
              }
              u.setString(1, fresh);
              u.setObject(2, row[0]);
              if (t.history()) {
                u.setObject(3, row[1]);
              }
              count += u.executeUpdate();
            }
          }
        }
      }
      int deleted = 0;
      for (int id : old) {
        deleted += FieldCrypto.destroyKeyNotUnder(c, id, kek);
      }
      crypto.evict(old);
      return Map.entry(count, deleted);
    });
    afterKeysDeleted.run();
    return done;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * {@code work} in a transaction that runs one at a time across processes (SQLite: BEGIN
   * IMMEDIATE; PostgreSQL: an advisory lock, and {@code lockTables} kept from other writers).
   */
  private <T> T exclusive(List<String> lockTables, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      dialect.beginExclusive(c, LOCK_KEY);
      boolean ok = false;
      try {
        for (String table : lockTables) {
          var lock = dialect.lockTableExclusive(table);
          if (lock.isPresent()) {
            try (Statement s = c.createStatement()) {
              s.execute(lock.get());
            }
          }
        }
        T result = work.run(c);
        ok = true;
        return result;
      } finally {
        dialect.endExclusive(c, ok);
        c.setAutoCommit(autoCommit);
      }
    }
  }
}
