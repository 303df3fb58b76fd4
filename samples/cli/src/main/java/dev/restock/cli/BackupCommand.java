package dev.restock.cli;

import dev.restock.core.audit.KeyFileSigner;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.BackupListing;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.PruneResult;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.jpa.tenant.JpaTenants;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", description = "Take a consistent, compressed backup of the database "
    + "(SQLite online backup, H2 SCRIPT, PostgreSQL pg_dump) with its metadata, signed with "
    + "the audit key when one is given.",
    subcommands = {BackupCommand.ListBackups.class, BackupCommand.Prune.class})
final class BackupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", paramLabel = "PATH|URL",
      defaultValue = "${env:RESTOCK_DB_URL:-./restock.db}",
      description = "SQLite file, jdbc: URL or postgresql:// URL of an existing database "
          + "(default: $RESTOCK_DB_URL, else ./restock.db).")
  String db;

  @Option(names = "--to", paramLabel = "DIR", defaultValue = "./backups",
      description = "Directory for the backup (default: ${DEFAULT-VALUE}); a tenant's goes to "
          + "DIR/ID.")
  Path to;

  @Option(names = "--tenant", paramLabel = "ID", defaultValue = "${env:RESTOCK_TENANT}",
      description = TenantOption.TENANT_HELP + " Only that tenant's database is backed up.")
  String tenant;

  @Option(names = "--audit-key", paramLabel = "FILE", defaultValue = "${env:RESTOCK_AUDIT_KEY}",
      description = "Ed25519 key file (written by 'restock audit keygen') that signs the "
          + "backup's metadata (default: $RESTOCK_AUDIT_KEY). Without it the backup is "
          + "unsigned and restores only with --allow-unsigned.")
  Path auditKey;

  @Option(names = "--json", description = "Print data as JSON.") boolean json;

  @Override
  public Integer call() {
    DatabaseOption.refuseMemory(db, "backup");
    JpaStoreConfig config = database(db, tenant);
    Path to = tenant == null ? this.to : this.to.resolve(tenant);
    KeyFileSigner signer = auditKey == null ? null : KeyFileSigner.load(auditKey);
    Progress progress = Progress.of(spec, "backup");
    progress.step("copying, compressing and " + (signer == null ? "checksumming" : "signing")
        + " the database");
    BackupInfo info = Backups.backup(config, to, Clock.systemUTC(), null, signer);
    progress.step("done");
    progress.done();
    var out = spec.commandLine().getOut();
    out.println(json ? Json.write(info) : "backup " + info.file() + " (" + info.bytes()
        + " bytes, schema " + info.schemaVersion() + ", " + info.rowCounts().values().stream()
            .mapToLong(Long::longValue).sum() + " rows, sha256 " + info.sha256()
        + (info.signed() ? ", signed by key " + info.keyId() : ", UNSIGNED: no audit key")
        + ")");
    out.flush();
    return 0;
  }

  /**
   * The existing database {@code db} names, or with {@code tenant} that tenant's database (active
   * or retired) in the tenant directory {@code db} names.
   */
  static JpaStoreConfig database(String db, String tenant) {
    if (tenant == null) {
      JpaStoreConfig config = EngineCommand.config(db);
      DatabaseOption.requireExisting(db, config);
      return config;
    }
    TenantOption.checkedId(tenant);
    try (TenantDirectory directory = TenantOption.directory(db, false)) {
      TenantOption.known(directory, db, tenant);
      return JpaTenants.storeConfig(directory, tenant);
    }
  }

  static void print(CommandLine.Model.CommandSpec spec, boolean json, List<BackupInfo> backups) {
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(backups));
    } else {
      Table t = new Table("TAKEN", "DATABASE", "SCHEMA", "BYTES", "SIGNED", "FILE");
      backups.forEach(b -> t.row(b.takenAt(), b.database(), b.schemaVersion(), b.bytes(),
          b.signed() ? b.keyId() : "no", b.file().getFileName()));
      t.print(out);
    }
    out.flush();
  }

  /** Metadata that could not be used goes to stderr, so that the listing itself stays clean. */
  static void reportSkipped(CommandLine.Model.CommandSpec spec, List<String> skipped) {
    var err = spec.commandLine().getErr();
    skipped.forEach(reason -> err.println("warning: skipped " + reason));
    err.flush();
  }

  @Command(name = "list", description = "Backups in a directory, newest first; unusable "
      + "metadata and leftovers of killed backups are reported.")
  static final class ListBackups implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./backups",
        description = "The backup directory (default: ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--tenant", paramLabel = "ID", defaultValue = "${env:RESTOCK_TENANT}",
        description = "List that tenant's backups: DIR/ID (default: $RESTOCK_TENANT).")
    String tenant;
    @Option(names = "--json", description = "Print data as JSON.") boolean json;

    @Override
    public Integer call() {
      Path dir = tenant == null ? this.dir : this.dir.resolve(TenantOption.checkedId(tenant));
      BackupListing listing = Backups.scan(dir);
      if (json) {
        spec.commandLine().getOut().println(Json.write(listing));
        spec.commandLine().getOut().flush();
        return 0;
      }
      print(spec, false, listing.backups());
      reportSkipped(spec, listing.skipped());
      if (!listing.orphans().isEmpty()) {
        spec.commandLine().getOut().println(listing.orphans().size() + " leftover(s) of "
            + "unfinished backups (removed by prune once older than the retention): "
            + listing.orphans().stream().map(p -> p.getFileName().toString()).toList());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(name = "prune", description = "Delete backups older than N days (the newest is always "
      + "kept) and leftovers of killed backups older than that; only files in DIR named like "
      + "backups are touched.")
  static final class Prune implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./backups",
        description = "The backup directory (default: ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--keep-days", required = true, paramLabel = "N",
        description = "Delete backups older than this many days; the newest always stays.")
    int keepDays;
    @Option(names = "--tenant", paramLabel = "ID", defaultValue = "${env:RESTOCK_TENANT}",
        description = "Prune that tenant's backups: DIR/ID (default: $RESTOCK_TENANT).")
    String tenant;
    @Option(names = "--json", description = "Print data as JSON.") boolean json;

    @Override
    public Integer call() {
      Path dir = tenant == null ? this.dir : this.dir.resolve(TenantOption.checkedId(tenant));
      if (keepDays < 0) {
        throw new RestockCli.UsageException("--keep-days must not be negative (was " + keepDays
            + ")");
      }
      PruneResult result = Backups.prune(dir, keepDays, Instant.now());
      if (json) {
        spec.commandLine().getOut().println(Json.write(result));
        spec.commandLine().getOut().flush();
        return 0;
      }
      spec.commandLine().getOut().println("deleted " + result.deleted().size() + " backup(s)"
          + " and " + result.orphansDeleted().size() + " leftover(s) of unfinished backups");
      print(spec, false, result.deleted());
      reportSkipped(spec, result.skipped());
      return 0;
    }
  }
}
