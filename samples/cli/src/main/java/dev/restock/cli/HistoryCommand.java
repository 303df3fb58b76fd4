package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.error.NotFoundException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Revisions of one entity: when, who, what changed.")
final class HistoryCommand extends EngineCommand {
  @Parameters(index = "0", paramLabel = "TYPE",
      description = "product, location, route, device-type, cabinet-type, device, cabinet, "
          + "planogram, slot or user.")
  String type;

  @Parameters(index = "1", paramLabel = "ID") String id;

  @Override
  void run(Restock engine) {
    AuditedType audited = AuditedType.byLabel(type).orElseThrow(() ->
        new RestockCli.UsageException("unknown type '" + type + "'; use one of "
            + java.util.Arrays.stream(AuditedType.values()).map(AuditedType::label)
                .collect(Collectors.joining(", "))));
    UUID uuid = ProductCommand.uuid(id);
    if (uuid == null) {
      throw new RestockCli.UsageException("ID must be a UUID (was '" + id + "')");
    }
    RestockSession session = reader(engine);
    List<HistoryEntry> history = session.history().history(audited, uuid);
    print(history, () -> render(session, history, out()));
  }

  static void render(RestockSession session, List<HistoryEntry> history, PrintWriter out) {
    Map<UUID, String> names = new HashMap<>();
    Table t = new Table("REV", "WHEN", "WHO", "ACTION", "REASON", "CHANGES");
    for (HistoryEntry h : history) {
      String who = names.computeIfAbsent(h.info().actorId(), actor -> who(session, actor));
      t.row(h.info().number(), h.info().at(), who, h.info().action(), h.info().reason(),
          h.changes().isEmpty() ? "(" + h.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"
              : h.changes().stream().map(HistoryCommand::change).collect(Collectors.joining("; ")));
    }
    t.print(out);
  }

  private static String change(FieldChange c) {
    return c.field() + ": " + (c.oldValue() == null ? "-" : c.oldValue()) + " -> "
        + (c.newValue() == null ? "-" : c.newValue());
  }

  private static String who(RestockSession session, UUID actor) {
    if (Actor.SYSTEM_ID.equals(actor)) {
      return "system";
    }
    try {
      return session.users().get(actor).username();
    } catch (NotFoundException e) {
      return actor.toString();
    }
  }
}
