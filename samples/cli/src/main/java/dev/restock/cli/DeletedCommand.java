package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "deleted", description = "Soft-deleted entities of one type, by their natural "
    + "key (sku, code, serial, username, name): who deleted each, when and why.")
final class DeletedCommand extends EngineCommand {
  @Parameters(index = "0", paramLabel = "TYPE",
      description = "product, location, route, device-type, cabinet-type, device, planogram or "
          + "user.")
  String type;

  @Parameters(index = "1", arity = "0..1", paramLabel = "KEY",
      description = "Only the deleted ones with this natural key (a sku, a route code, a serial, "
          + "a username, a name).")
  String key;

  /** One deleted entity with its natural key and its deletion. */
  record Deleted(UUID id, String key, Aggregate entity, DeletionInfo deletion) {}

  /** The natural key's column: SKU, CODE, SERIAL, USERNAME or NAME. */
  private static String heading(AuditedType type) {
    String field = NaturalIds.field(type);
    return field.equals("serialNumber") ? "SERIAL" : field.toUpperCase(Locale.ROOT);
  }

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    RestockSession session = reader(engine);
    var management = Aggregates.management(session, audited);
    List<? extends Aggregate> items = key == null
        ? management.list(PageRequest.of(0, 500), Visibility.ONLY_DELETED).items()
        : management.find(Criteria.where(NaturalIds.field(audited), Criteria.Operator.EQ, key),
            PageRequest.of(0, 500), Visibility.ONLY_DELETED).items();
    Map<UUID, DeletionInfo> deletions = session.history().deletions(audited,
        items.stream().map(Aggregate::id).toList());
    List<Deleted> deleted = new ArrayList<>();
    for (Aggregate item : items) {
      deleted.add(new Deleted(item.id(), NaturalIds.key(item), item, deletions.get(item.id())));
    }
    Map<UUID, String> names = new HashMap<>();
    print(deleted, () -> {
      Table t = new Table(heading(audited), "DELETED AT", "BY",
          "ACTION", "REASON");
      deleted.forEach(d -> t.row(d.key(), d.deletion().info().at(),
          names.computeIfAbsent(d.deletion().info().actorId(),
              actor -> HistoryCommand.who(session, actor)),
          d.deletion().info().action(), d.deletion().info().reason()));
      t.print(out());
    });
  }
}
