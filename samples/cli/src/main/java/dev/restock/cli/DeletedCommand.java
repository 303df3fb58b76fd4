package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "deleted", description = "Soft-deleted entities of one type: who deleted each, "
    + "when and why.")
final class DeletedCommand extends EngineCommand {
  @Parameters(index = "0", paramLabel = "TYPE") String type;

  /** One deleted entity with its deletion. */
  record Deleted(UUID id, Aggregate entity, DeletionInfo deletion) {}

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    RestockSession session = reader(engine);
    List<? extends Aggregate> items = Aggregates.management(session, audited)
        .list(PageRequest.of(0, 500), Visibility.ONLY_DELETED).items();
    java.util.Map<UUID, DeletionInfo> deletions = session.history().deletions(audited,
        items.stream().map(Aggregate::id).toList());
    List<Deleted> deleted = new ArrayList<>();
    for (Aggregate item : items) {
      deleted.add(new Deleted(item.id(), item, deletions.get(item.id())));
    }
    java.util.Map<UUID, String> names = new java.util.HashMap<>();
    print(deleted, () -> {
      Table t = new Table("ID", "DELETED AT", "BY", "ACTION", "REASON");
      deleted.forEach(d -> t.row(d.id(), d.deletion().info().at(),
          names.computeIfAbsent(d.deletion().info().actorId(),
              actor -> HistoryCommand.who(session, actor)),
          d.deletion().info().action(), d.deletion().info().reason()));
      t.print(out());
    });
  }
}
