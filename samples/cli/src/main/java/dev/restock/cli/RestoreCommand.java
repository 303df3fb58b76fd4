package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import java.util.UUID;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.core.audit.KeyFileSigner;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.backup.RestoreResult;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.tenant.JpaTenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "restore TYPE KEY: bring back a soft-deleted entity (a "
    + "device brings back exactly the cabinets, planograms and slots deleted with it). "
    + "restore --from FILE --db TARGET: restore a backup into an empty database, checking its "
    + "checksum and signature (--audit-key), then its row counts, integrity and history chain "
    + "on a staged copy before anything reaches the target. With --tenant ID the backup "
    + "replaces that tenant's data (the other tenants are untouched; a SQLite file is kept "
    + "beside it).")
final class RestoreCommand extends EngineCommand.Writing {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE",
      description = "product, location, route, device-type, cabinet-type, device, planogram or "
          + "user.")
  String type;

  @Parameters(index = "1", arity = "0..1", paramLabel = "KEY",
      description = "The deleted one's natural key (sku, route code, serial, username, name) "
          + "or its UUID; 'restock deleted TYPE' lists them.")
  String id;

  @Option(names = "--from", paramLabel = "FILE", description = "A backup file to restore.")
  java.nio.file.Path from;

  @Option(names = "--allow-unsigned", description = "Restore a backup whose metadata is "
      + "unsigned or does not verify; the output says so. Checksum, row counts and history "
      + "chain are checked all the same.")
  boolean allowUnsigned;

  @Override
  public Integer call() {
    if (from == null) {
      if (type == null || id == null) {
        throw new RestockCli.UsageException("give TYPE and KEY, or --from FILE --db TARGET");
      }
      if (allowUnsigned) {
        throw new RestockCli.UsageException("--allow-unsigned applies to restoring a backup "
            + "(--from FILE) only");
      }
      return super.call();
    }
    if (type != null) {
      throw new RestockCli.UsageException("give either TYPE KEY or --from FILE, not both");
    }
    // the target may well not exist yet: a backup restores only into an empty database
    DatabaseOption.refuseMemory(db, "restore --from");
    if (tenant != null) {
      return restoreTenant();
    }
    TenantOption.refuseDirectoryWithoutTenant(db);
    // the global --audit-key: its public half must verify the backup's signature
    RestoreOptions options = (auditKey == null ? RestoreOptions.noKey()
        : RestoreOptions.trusting(KeyFileSigner.load(auditKey).publicKey()))
        .withAllowUnsigned(allowUnsigned);
    // the target must stay empty until the backup is in: no engine is opened on it before
    Progress progress = Progress.of(spec, "restore");
    progress.step("checking the backup, restoring it into a staged copy and verifying it");
    RestoreResult result = Backups.restore(from, EngineCommand.config(db), options);
    progress.step("restored " + result.backup().rowCounts().size() + " tables");
    progress.done();
    report(result, db);
    return 0;
  }

  /**
   * {@code restore --from FILE --tenant ID}: the backup replaces what the active tenant's
   * database holds (a tenant's database always exists once added); checked first like any
   * restore, and the other tenants are not touched. On SQLite the replaced file is kept as
   * {@code ID.db.replaced-TIME}.
   */
  private int restoreTenant() {
    TenantOption.checkedId(tenant);
    JpaStoreConfig target;
    try (TenantDirectory directory = TenantOption.directory(db, false)) {
      TenantOption.active(directory, db, tenant);
      target = JpaTenants.storeConfig(directory, tenant);
    }
    RestoreOptions options = (auditKey == null ? RestoreOptions.noKey()
        : RestoreOptions.trusting(KeyFileSigner.load(auditKey).publicKey()))
        .withAllowUnsigned(allowUnsigned).withReplace(true);
    Progress progress = Progress.of(spec, "restore");
    progress.step("checking the backup, restoring it into a staged copy and verifying it");
    RestoreResult result = Backups.restore(from, target, options);
    progress.step("restored " + result.backup().rowCounts().size() + " tables");
    progress.done();
    report(result, "tenant " + tenant + " of " + db);
    return 0;
  }

  private void report(RestoreResult result, String into) {
    BackupInfo info = result.backup();
    print(result, () -> {
      out().println("restored " + from.getFileName() + " into " + into + " ("
          + info.rowCounts().values().stream().mapToLong(Long::longValue).sum()
          + " rows, schema " + info.schemaVersion() + ")");
      out().println(result.signatureVerified()
          ? "signature verified (key " + info.keyId() + ")"
          : "signature NOT verified");
      result.chain().ifPresent(chain -> out().println("history chain intact: "
          + chain.checked() + " revisions verified"));
      result.warnings().forEach(w -> out().println("WARNING: " + w));
    });
    if (!result.warnings().isEmpty()) {
      result.warnings().forEach(w -> err().println("warning: " + w));
      err().flush();
    }
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    RestockSession session = writer(engine);
    var management = Aggregates.management(session, audited);
    UUID uuid = NaturalIds.resolve(session, audited, id, NaturalIds.Among.DELETED);
    Aggregate restored = management.restore(uuid);
    print(restored, () -> out().println("restored " + audited.label() + " "
        + NaturalIds.key(restored)));
  }
}
