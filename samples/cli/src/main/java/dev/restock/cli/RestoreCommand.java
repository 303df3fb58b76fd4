package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.shared.Aggregate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "restore TYPE ID: bring back a soft-deleted entity (a "
    + "device brings back exactly the cabinets, planograms and slots deleted with it). "
    + "restore --from FILE --db TARGET: restore a backup into an empty database, checking its "
    + "checksum and row counts.")
final class RestoreCommand extends EngineCommand.Writing {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE") String type;
  @Parameters(index = "1", arity = "0..1", paramLabel = "ID") String id;

  @Option(names = "--from", paramLabel = "FILE", description = "A backup file to restore.")
  java.nio.file.Path from;

  @Override
  public Integer call() {
    if (from == null) {
      if (type == null || id == null) {
        throw new RestockCli.UsageException("give TYPE and ID, or --from FILE --db TARGET");
      }
      return super.call();
    }
    if (type != null) {
      throw new RestockCli.UsageException("give either TYPE ID or --from FILE, not both");
    }
    // the target must stay empty until the backup is in: no engine is opened on it before
    var info = dev.restock.jpa.backup.Backups.restore(from, EngineCommand.config(db));
    print(info, () -> out().println("restored " + from.getFileName() + " into " + db + " ("
        + info.rowCounts().values().stream().mapToLong(Long::longValue).sum()
        + " rows, schema " + info.schemaVersion() + ")"));
    return 0;
  }

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    Aggregate restored = Aggregates.management(writer(engine), audited)
        .restore(Aggregates.uuid(id));
    print(restored, () -> out().println("restored " + audited.label() + " " + restored.id()));
  }
}
