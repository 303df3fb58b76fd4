package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.shared.Aggregate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "Bring back a soft-deleted entity (a device brings back "
    + "exactly the cabinets, planograms and slots deleted with it); history records the restore.")
final class RestoreCommand extends EngineCommand.Writing {
  @Parameters(index = "0", paramLabel = "TYPE") String type;
  @Parameters(index = "1", paramLabel = "ID") String id;

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    Aggregate restored = Aggregates.management(writer(engine), audited)
        .restore(Aggregates.uuid(id));
    print(restored, () -> out().println("restored " + audited.label() + " " + restored.id()));
  }
}
