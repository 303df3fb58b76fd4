package dev.restock.cli;

import dev.restock.api.audit.EntityChange;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Revisions of one entity (when, who, what changed), "
    + "or every change by one user: history --actor USERNAME --since 7d.")
final class HistoryCommand extends EngineCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE",
      description = "product, location, route, device-type, cabinet-type, device, cabinet, "
          + "planogram, slot, user, service-order or stock.")
  String type;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ID") String id;

  @Option(names = "--diff", description = "Show each changed field's old and new value.")
  boolean diff;

  @Option(names = "--actor", paramLabel = "USERNAME",
      description = "Every change by this user (system for the built-in actor).")
  String actor;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
      description = "With --actor: how far back, e.g. 90m, 12h, 7d (default: ${DEFAULT-VALUE}).")
  String since;

  @Override
  void run(Restock engine) {
    RestockSession session = reader(engine);
    if (actor != null) {
      if (type != null) {
        throw new RestockCli.UsageException("give either TYPE ID or --actor, not both");
      }
      UUID actorId = "system".equals(actor) ? Actor.SYSTEM_ID
          : session.users().getByUsername(actor).id();
      Instant to = Instant.now();
      List<EntityChange> changes = session.history().changesBy(actorId,
          to.minus(lookBack(since)), to.plusMillis(1));
      print(changes, () -> {
        Table t = new Table("REV", "WHEN", "ACTION", "TYPE", "ID", "KIND");
        changes.forEach(c -> t.row(c.info().number(), c.info().at(), c.info().action(),
            c.type().label(), c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT)));
        t.print(out());
      });
      return;
    }
    if (type == null || id == null) {
      throw new RestockCli.UsageException("give TYPE and ID, or --actor USERNAME");
    }
    AuditedType audited = Aggregates.type(type);
    List<HistoryEntry> history = session.history().history(audited, Aggregates.uuid(id));
    print(history, () -> render(session, history, out(), diff));
  }

  /** The longest look-back of {@code --since}: a century, well inside what instants hold. */
  static final Duration LONGEST_LOOK_BACK = Duration.ofDays(36_525);

  /**
   * {@code --since} as a positive duration of at most {@link #LONGEST_LOOK_BACK}.
   *
   * @throws ValidationException naming {@code --since} otherwise
   */
  static Duration lookBack(String text) {
    Duration d = duration(text);
    if (d.isNegative() || d.isZero()) {
      throw ValidationException.of("--since", "must be a positive duration (was '" + text + "')");
    }
    if (d.compareTo(LONGEST_LOOK_BACK) > 0) {
      throw ValidationException.of("--since", "must be at most " + LONGEST_LOOK_BACK.toDays()
          + " days (was '" + text + "')");
    }
    return d;
  }

  /** {@code 90m}, {@code 12h}, {@code 7d} or an ISO-8601 duration. */
  static Duration duration(String text) {
    try {
      char unit = text.charAt(text.length() - 1);
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      switch (unit) {
        case 'm': return Duration.ofMinutes(amount);
        case 'h': return Duration.ofHours(amount);
        case 'd': return Duration.ofDays(amount);
        default: return Duration.parse(text);
      }
    } catch (RuntimeException e) {
      throw new RestockCli.UsageException("DURATION must look like 90m, 12h, 7d or PT2H (was '"
          + text + "')");
    }
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
