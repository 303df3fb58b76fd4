package dev.restock.cli;

import dev.restock.api.audit.EntityChange;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

@Command(name = "history", description = "Revisions of one entity (when, who, what changed), "
    + "found by its natural key even when deleted (history product COLA), or every change by "
    + "one user: history --actor USERNAME --since 7d.")
final class HistoryCommand extends EngineCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE",
      description = "product, location, route, device-type, cabinet-type, device, cabinet, "
          + "planogram, slot, user, service-order or stock.")
  String type;

  @Parameters(index = "1", arity = "0..1", paramLabel = "KEY",
      description = "Which one, live or deleted: a product's sku, a route's code, a device's "
          + "serial, a user's username, an order's number, a location's (or type's, or "
          + "planogram's) name, a cabinet as SERIAL/INDEX, a slot as SERIAL/INDEX/POSITION, "
          + "stock by sku; or a UUID.")
  String id;

  @Option(names = "--diff", description = "Show each changed field's old and new value.")
  boolean diff;

  @Option(names = "--actor", paramLabel = "USERNAME",
      description = "Every change by this user (system for the built-in actor); with --since "
          + "(default 7d) and --until.")
  String actor;

  @Mixin TimeRange time;

  /** How far back {@code --actor} looks without {@code --since}. */
  static final Duration DEFAULT_LOOK_BACK = Duration.ofDays(7);

  @Override
  void run(Restock engine) {
    RestockSession session = reader(engine);
    if (actor != null) {
      if (type != null) {
        throw new RestockCli.UsageException("give either TYPE KEY or --actor, not both");
      }
      UUID actorId = "system".equals(actor) ? Actor.SYSTEM_ID
          : session.users().getByUsername(actor).id();
      Instant[] bounds = time.bounds();
      Instant now = Instant.now();
      Instant from = bounds[0] != null ? bounds[0] : now.minus(DEFAULT_LOOK_BACK);
      Instant to = bounds[1] != null ? bounds[1] : now.plusMillis(1);
      List<EntityChange> changes = session.history().changesBy(actorId, from, to);
      print(changes, () -> {
        Map<String, String> labels = new HashMap<>();
        Table t = new Table("REV", "WHEN", "ACTION", "TYPE", "WHAT", "KIND");
        changes.forEach(c -> t.row(c.info().number(), c.info().at(), c.info().action(),
            c.type().label(), labels.computeIfAbsent(c.type().label() + c.id(),
                k -> NaturalIds.label(session, c.type(), c.id())),
            c.kind().name().toLowerCase(java.util.Locale.ROOT)));
        t.print(out());
      });
      return;
    }
    if (type == null || id == null) {
      throw new RestockCli.UsageException("give TYPE and KEY, or --actor USERNAME");
    }
    if (time.given()) {
      throw new RestockCli.UsageException("--since and --until apply to --actor only");
    }
    AuditedType audited = Aggregates.type(type);
    UUID uuid = NaturalIds.resolve(session, audited, id, NaturalIds.Among.LIVE_FIRST);
    List<HistoryEntry> history = session.history().history(audited, uuid);
    print(history, () -> render(session, history, out(), diff));
  }

  static void render(RestockSession session, List<HistoryEntry> history, PrintWriter out) {
    render(session, history, out, true);
  }

  static void render(RestockSession session, List<HistoryEntry> history, PrintWriter out,
      boolean diff) {
    Map<UUID, String> names = new HashMap<>();
    Table t = new Table("REV", "WHEN", "WHO", "ACTION", "REASON", "CHANGES");
    for (HistoryEntry h : history) {
      String who = names.computeIfAbsent(h.info().actorId(), actor -> who(session, actor));
      t.row(h.info().number(), h.info().at(), who, h.info().action(), h.info().reason(),
          h.changes().isEmpty() ? "(" + h.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"
              : h.changes().stream().map(c -> diff ? change(c) : c.field())
                  .collect(Collectors.joining(diff ? "; " : ", ")));
    }
    t.print(out);
  }

  private static String change(FieldChange c) {
    return c.field() + ": " + (c.oldValue() == null ? "-" : c.oldValue()) + " -> "
        + (c.newValue() == null ? "-" : c.newValue());
  }

  static String who(RestockSession session, UUID actor) {
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
