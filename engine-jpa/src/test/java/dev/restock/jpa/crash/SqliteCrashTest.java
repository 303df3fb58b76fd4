package dev.restock.jpa.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: writer JVMs working on one SQLite file are killed with SIGKILL again and
 * again (at random moments, right after a reported commit, inside a unit of work, just before
 * and just after the commit, during backups and during restores), and after every kill the
 * database must pass {@link CrashInvariants}.
 *
 * <p>Short mode (CI): {@value #SHORT_KILLS} kills. Long mode:
 * {@code mvn -B -o verify -pl engine-jpa -am -Dtest=SqliteCrashTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Drestock.crash.kills=120}; the figures are printed
 * and written to {@code engine-jpa/target/crash-report.txt} (progress, one line per kill, to
 * {@code crash-progress.txt} beside it). {@code -Drestock.crash.seed=N}
 * replays a run.
 */
@Tag("crash")
class SqliteCrashTest {
  /** The harness tests crash safety, not signatures: its backups are unsigned on purpose. */
  private static final RestoreOptions UNSIGNED = RestoreOptions.noKey().withAllowUnsigned(true);

  static final int SHORT_KILLS = 20;
  private static final Duration START = Duration.ofMinutes(2);

  /** How a writer dies. */
  enum Kill {
    /** SIGKILL at a uniformly random moment up to 400 ms after the writer is ready. */
    RANDOM_DELAY,
    /** SIGKILL as soon as the writer reports its k-th committed unit (k in 1..6). */
    AFTER_COMMITTED_LINE,
    /** The store halts the JVM in the n-th write unit before flushing. */
    HALT_IN_WORK,
    /** The store halts the JVM once everything is written, before the commit. */
    HALT_BEFORE_COMMIT,
    /** The store halts the JVM right after the commit, before the caller hears of it. */
    HALT_AFTER_COMMIT,
    /** SIGKILL up to 1.5 s into a backup thread taking backup after backup beside the writer. */
    DURING_BACKUP,
    /** SIGKILL up to 1.5 s into restores of a 16 MB backup run one after another. */
    DURING_RESTORE
  }

  private static final List<Kill> ROTATION = List.of(Kill.RANDOM_DELAY,
      Kill.AFTER_COMMITTED_LINE, Kill.HALT_IN_WORK, Kill.HALT_BEFORE_COMMIT,
      Kill.HALT_AFTER_COMMIT, Kill.RANDOM_DELAY, Kill.DURING_BACKUP, Kill.DURING_RESTORE,
      Kill.AFTER_COMMITTED_LINE, Kill.RANDOM_DELAY);

  /** What a killed restore left at its target. */
  enum RestoreOutcome {
    /** No target file (or an empty one): nothing to open by mistake. */
    ABSENT,
    /** The target opens, passes quick_check and verify, and holds every row of the backup. */
    INTACT,
    /** The target is damaged or incomplete, and the harness detected it. */
    DETECTED_DAMAGED
  }

  @TempDir Path dir;

  @Test
  void writersKilledAtAnyPointNeverLoseCommittedWorkNorLeaveAnInconsistentDatabase()
      throws Exception {
    int kills = Integer.getInteger("restock.crash.kills", SHORT_KILLS);
    long seed = Long.getLong("restock.crash.seed", System.nanoTime());
    boolean strictRestore = Boolean.parseBoolean(
        System.getProperty("restock.crash.restore.strict", "true"));
    Random random = new Random(seed);
    Path db = dir.resolve("restock.db");
    Path fixtureFile = dir.resolve("fixture.properties");
    CrashFixture fixture;
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db)).build()) {
      fixture = CrashFixture.create(engine);
    }
    fixture.save(fixtureFile);
    Path backups = Files.createDirectories(dir.resolve("backups"));
    BackupInfo restoreSource = restoreSource(db);

    List<String> committed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<Kill, Integer> killsBy = new EnumMap<>(Kill.class);
    Map<String, Integer> unitsBy = new TreeMap<>();
    Map<RestoreOutcome, Integer> restores = new EnumMap<>(RestoreOutcome.class);
    List<String> restoreDetails = new ArrayList<>();
    int backupsTaken = 0;
    int backupsOrphaned = 0;
    Path target = Path.of("target").toAbsolutePath();
    Path progress = target.resolve("crash-progress.txt");
    Files.deleteIfExists(progress);
    long started = System.nanoTime();
    long startNanos = 0;
    long checkNanos = 0;
    for (int i = 0; i < kills; i++) {
      Kill kill = ROTATION.get(i % ROTATION.size());
      long writerSeed = random.nextLong();
      List<String> options = new ArrayList<>();
      String mode = switch (kill) {
        case DURING_BACKUP -> "backup";
        case DURING_RESTORE -> "restore";
        default -> "write";
      };
      switch (kill) {
        case HALT_IN_WORK, HALT_BEFORE_COMMIT, HALT_AFTER_COMMIT -> options.add(
            "-Drestock.crash.halt=" + kill.name().substring("HALT_".length()) + ":"
                + (1 + random.nextInt(9)));
        default -> { }
      }
      Path restoreDir = Files.createDirectories(dir.resolve("restores-" + i));
      List<String> args = new ArrayList<>(List.of(mode, db.toString(), fixtureFile.toString(),
          Long.toString(writerSeed)));
      if (kill == Kill.DURING_BACKUP) {
        args.add(backups.toString());
      } else if (kill == Kill.DURING_RESTORE) {
        args.add(restoreSource.file().toString());
        args.add(restoreDir.toString());
      }
      WriterProcess writer = WriterProcess.start(dir.resolve("writer-" + i + ".err"), options,
          args);
      String context = "kill " + i + " (" + kill + ", seed " + seed + ")";
      long spawned = System.nanoTime();
      switch (kill) {
        case HALT_IN_WORK, HALT_BEFORE_COMMIT, HALT_AFTER_COMMIT -> {
          Optional<Integer> status = writer.awaitEnd(START);
          if (status.isEmpty()) {
            writer.kill();
            problems.add(context + ": the writer never reached its halt point; "
                + writer.stderr());
          } else if (status.get() != HaltingStore.HALT_STATUS) {
            problems.add(context + ": the writer ended with status " + status.get() + "; "
                + writer.stderr());
          }
        }
        default -> {
          if (writer.await("READY"::equals, START).isEmpty()) {
            problems.add(context + ": the writer did not start: " + writer.stderr());
          } else {
            startNanos += System.nanoTime() - spawned;
            if (kill == Kill.AFTER_COMMITTED_LINE) {
              int k = 1 + random.nextInt(6);
              for (int n = 0; n < k; n++) {
                writer.await(l -> l.startsWith("C "), START);
              }
            } else {
              // a restore first checks the backup's checksum, then copies: kills must reach both
              Thread.sleep(random.nextInt(kill == Kill.RANDOM_DELAY ? 400 : 1500));
            }
            if (!writer.alive()) {
              problems.add(context + ": the writer died before it was killed: "
                  + writer.stderr());
            }
          }
          writer.kill();
        }
      }
      killsBy.merge(kill, 1, Integer::sum);
      String inFlightRestore = null;
      for (String line : writer.lines()) {
        String[] f = line.split(" ");
        if (line.startsWith("C ")) {
          unitsBy.merge(f[1], 1, Integer::sum);
          switch (f[1]) {
            case "backup" -> backupsTaken++;
            case "restore" -> {
              inFlightRestore = null;
              problems.addAll(restoredTarget(Path.of(f[2]), restoreSource, fixture, true)
                  .stream().map(p -> context + ": reported restore " + p).toList());
            }
            default -> committed.add(line);
          }
        } else if (line.startsWith("S restore ")) {
          inFlightRestore = f[2];
        }
      }
      if (kill == Kill.DURING_RESTORE) {
        RestoreOutcome outcome = inFlightRestore == null ? RestoreOutcome.ABSENT
            : classify(Path.of(inFlightRestore), restoreSource, fixture, restoreDetails, i);
        restores.merge(outcome, 1, Integer::sum);
        if (strictRestore && outcome == RestoreOutcome.DETECTED_DAMAGED) {
          problems.add(context + ": a killed restore left a damaged target "
              + restoreDetails.get(restoreDetails.size() - 1));
        }
      }
      deleteTree(restoreDir);
      if (kill == Kill.DURING_BACKUP) {
        backupsOrphaned += orphans(backups);
        problems.addAll(backupsComplete(backups, fixture).stream()
            .map(p -> context + ": " + p).toList());
      }
      long checking = System.nanoTime();
      problems.addAll(CrashInvariants.check(db, fixture, committed).stream()
          .map(p -> context + ": " + p).toList());
      checkNanos += System.nanoTime() - checking;
      // one line per kill, so that a long run cut short still says how far it got
      Files.writeString(progress, String.format("kill %d %s: %d s, %d committed units so far, "
          + "%d invariant violations so far%n", i, kill,
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), committed.size(),
          problems.size()) + (kill == Kill.DURING_RESTORE ? "  restores killed so far: "
          + restores + System.lineSeparator() : ""), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

    String report = String.format(
        "crash suite: %d kills in %d s (seed %d; writer start-up %d ms, invariant check %d ms on "
            + "average)%n  kills by kind: %s%n  committed units "
            + "reported by the killed writers: %d %s%n  invariant violations: %d%n  restores "
            + "killed: %s%n%s  backups completed during backup kills: %d, orphan files left by "
            + "killed backups: %d%n",
        kills, seconds, seed, startNanos / 1_000_000 / Math.max(1, kills),
        checkNanos / 1_000_000 / kills, killsBy, committed.size(), unitsBy, problems.size(), restores,
        restoreDetails.stream().map(d -> "    " + d + System.lineSeparator())
            .reduce("", String::concat), backupsTaken, backupsOrphaned);
    System.out.print(report);
    Files.writeString(target.resolve("crash-report.txt"), report);

    assertThat(problems).as(report).isEmpty();
    assertThat(killsBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(kills);
    // the mix must have exercised every write command, or the invariants proved little; the
    // database counts units that committed whether or not their writer lived to report them
    assertThat(evidence(db)).as(report).allSatisfy((what, rows) -> assertThat(rows).as(what)
        .isPositive());
  }

  /**
   * A backup of the fixture with 16 MB of incompressible ballast beside it, so that a restore
   * takes long enough for the kills to land inside it rather than between two restores.
   */
  private BackupInfo restoreSource(Path db) throws SQLException {
    Path source = dir.resolve("restore-source.db");
    Path staging = dir.resolve("restore-staging");
    Backups.restore(Backups.backup(sqlite(db), staging).file(), sqlite(source), UNSIGNED);
    try (Connection c = CrashInvariants.connect(source); Statement s = c.createStatement()) {
      s.execute("create table crash_ballast (id integer primary key, filler blob not null)");
      s.execute("insert into crash_ballast (filler) select randomblob(65536) from (with recursive "
          + "n(i) as (select 1 union all select i + 1 from n where i < 256) select i from n)");
    }
    return Backups.backup(sqlite(source), dir.resolve("restore-source"));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Rows left by each write command in {@code db} (beyond those of the fixture). */
  private static Map<String, Long> evidence(Path db) throws SQLException {
    Map<String, String> queries = Map.of(
        "sales", "select count(*) from sale",
        "orders", "select count(*) from service_order",
        "assigned orders", "select count(*) from service_order where driver_id is not null",
        "delivery notes", "select count(*) from delivery_note",
        "completed visits", "select count(*) from service_visit where status = 'COMPLETED'",
        "receipts", "select count(*) - 4 from audit_revision where action = 'stock.receive'",
        "scratch products", "select count(*) from product where sku like 'X-%'",
        "renamed products", "select count(*) from product_aud where name like 'Renamed-%'");
    Map<String, Long> evidence = new TreeMap<>();
    try (Connection c = CrashInvariants.connect(db); Statement s = c.createStatement()) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        try (ResultSet rs = s.executeQuery(q.getValue())) {
          rs.next();
          evidence.put(q.getKey(), rs.getLong(1));
        }
      }
    }
    return evidence;
  }

  private static JpaStoreConfig sqlite(Path file) {
    return JpaStoreConfig.of("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
  }

  /** Problems of a target a restore reported done: it must be whole. */
  private static List<String> restoredTarget(Path target, BackupInfo source, CrashFixture fixture,
      boolean verify) {
    List<String> problems = new ArrayList<>(CrashInvariants.quickCheck(target));
    if (problems.isEmpty()) {
      problems.addAll(rowCounts(target, source));
    }
    if (problems.isEmpty() && verify) {
      problems.addAll(CrashInvariants.opensAndVerifies(target, fixture));
    }
    return problems;
  }

  private static RestoreOutcome classify(Path target, BackupInfo source, CrashFixture fixture,
      List<String> details, int kill) throws IOException {
    if (!Files.exists(target) || Files.size(target) == 0) {
      return RestoreOutcome.ABSENT;
    }
    long size = Files.size(target);
    // row counts first: the engine must not be opened on (and so migrate) a truncated copy
    List<String> problems = new ArrayList<>(CrashInvariants.quickCheck(target));
    if (problems.isEmpty()) {
      problems.addAll(rowCounts(target, source));
    }
    if (problems.isEmpty()) {
      problems.addAll(CrashInvariants.opensAndVerifies(target, fixture));
    }
    if (problems.isEmpty()) {
      return RestoreOutcome.INTACT;
    }
    details.add("kill " + kill + ": " + target.getFileName() + " (" + size + " bytes): "
        + String.join("; ", problems).lines().findFirst().orElse(""));
    return RestoreOutcome.DETECTED_DAMAGED;
  }

  private static List<String> rowCounts(Path target, BackupInfo source) {
    Map<String, Long> found = new TreeMap<>();
    try (Connection c = CrashInvariants.connect(target)) {
      for (String table : source.rowCounts().keySet()) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          found.put(table, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      return List.of("row counts of " + target.getFileName() + " unreadable: " + e.getMessage());
    }
    return found.equals(new TreeMap<>(source.rowCounts())) ? List.of()
        : List.of(target.getFileName() + " holds " + found + ", the backup " + source.rowCounts());
  }

  /** Every backup with metadata is whole: checksum matches, and the newest restores and verifies. */
  private List<String> backupsComplete(Path backups, CrashFixture fixture) throws IOException {
    List<String> problems = new ArrayList<>();
    List<BackupInfo> all = Backups.list(backups);
    for (BackupInfo info : all) {
      if (!sha256(info.file()).equals(info.sha256())) {
        problems.add("backup " + info.file().getFileName() + " does not match its checksum");
      }
    }
    if (!all.isEmpty()) {
      Path target = dir.resolve("from-backup-" + System.nanoTime() + ".db");
      Backups.restore(all.get(0).file(), sqlite(target), UNSIGNED);
      problems.addAll(restoredTarget(target, all.get(0), fixture, true).stream()
          .map(p -> "newest backup: " + p).toList());
    }
    return problems;
  }

  /**
   * Backup files without metadata, unreadable metadata and temporary copies: what killed backups
   * leave behind. They are counted for the report and removed, so that the next check lists
   * only backups that were completed.
   */
  private static int orphans(Path backups) throws IOException {
    int orphans = 0;
    try (Stream<Path> files = Files.list(backups)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean orphan;
        if (name.endsWith(".json")) {
          orphan = !readable(file);
        } else {
          Path metadata = file.resolveSibling(name + ".json");
          orphan = name.endsWith(".tmp") || !Files.exists(metadata) || !readable(metadata);
        }
        if (orphan) {
          orphans++;
          Files.deleteIfExists(file);
        }
      }
    }
    return orphans;
  }

  private static boolean readable(Path json) {
    try {
      return new ObjectMapper().readTree(json.toFile()).hasNonNull("sha256");
    } catch (IOException e) {
      return false;
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
