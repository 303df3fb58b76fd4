package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.shared.Criteria;
import dev.restock.api.shared.Page;
import dev.restock.api.shared.PageRequest;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Tamper evidence and activity of the audit trail.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Activity.class,
        AuditCommand.Events.class})
final class AuditCommand {

  @Command(name = "verify", description = "Walk the history hash chain; name the first revision "
      + "whose data or audit rows were altered or removed. Exit code 3 when broken.")
  static final class Verify extends EngineCommand {
    @Override
    void run(Restock engine) {
      ChainVerification result = reader(engine).history().verify();
      print(result, () -> out().println(result.intact()
          ? "intact: " + result.checked() + " revisions verified"
              + (result.unchained() > 0 ? ", " + result.unchained() + " older unchained" : "")
          : "BROKEN at revision " + result.firstBroken().orElseThrow() + ": "
              + result.problem().orElse("")));
      if (!result.intact()) {
        throw new RestockCli.ExitException(RestockCli.AUDIT_BROKEN);
      }
    }
  }

  @Command(name = "activity", description = "Actions per user over the last N days.")
  static final class Activity extends EngineCommand {
    @Option(names = "--days", defaultValue = "30") int days;

    @Override
    void run(Restock engine) {
      var session = reader(engine);
      List<ActivitySummary> activity = session.history().activity(null, days);
      print(activity, () -> {
        Table t = new Table("USER", "ACTION", "COUNT", "LAST");
        activity.forEach(a -> t.row(HistoryCommand.who(session, a.actorId()), a.action(),
            a.count(), a.lastOccurrence()));
        t.print(out());
      });
    }
  }

  @Command(name = "events", description = "Audit events, newest first, optionally by user, "
      + "action, resource, correlation id or time.")
  static final class Events extends EngineCommand {
    @Option(names = "--page", defaultValue = "1") int page;
    @Option(names = "--size", defaultValue = "50") int size;
    @Option(names = "--actor", paramLabel = "USERNAME",
        description = "Events of this user ('system' for the engine's own).") String actor;
    @Option(names = "--action", paramLabel = "PREFIX",
        description = "Actions starting with this, e.g. product. or product.delete.") String action;
    @Option(names = "--type", paramLabel = "TYPE", description = "Resource type, e.g. product.")
    String type;
    @Option(names = "--id", paramLabel = "ID", description = "Resource id.") UUID id;
    @Option(names = "--correlation", paramLabel = "ID") String correlation;
    @Mixin TimeRange time;

    @Override
    void run(Restock engine) {
      var session = reader(engine);
      Criteria criteria = Criteria.all();
      if (actor != null) {
        criteria = criteria.and("actorId", Criteria.Operator.EQ, "system".equals(actor.strip())
            ? dev.restock.api.audit.Actor.SYSTEM_ID
            : session.users().getByUsername(actor.strip()).id());
      }
      if (action != null) {
        criteria = criteria.and("action", Criteria.Operator.STARTS_WITH, action.strip());
      }
      if (type != null) {
        criteria = criteria.and("resourceType", Criteria.Operator.EQ, type.strip());
      }
      if (id != null) {
        criteria = criteria.and("resourceId", Criteria.Operator.EQ, id);
      }
      if (correlation != null) {
        criteria = criteria.and("correlationId", Criteria.Operator.EQ, correlation.strip());
      }
      criteria = time.within(criteria, "at");
      Page<AuditEvent> events = session.history().events(criteria,
          PageRequest.of(Math.max(0, page - 1), size));
      print(events, () -> {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        Table t = new Table("AT", "USER", "ACTION", "RESOURCE", "CLIENT", "CORRELATION");
        events.items().forEach(e -> t.row(e.at(),
            names.computeIfAbsent(e.actorId(), a -> HistoryCommand.who(session, a)), e.action(),
            e.resourceId() == null ? "" : e.resourceType() + " " + e.resourceId(),
            e.clientAddress() == null ? "" : e.clientAddress(),
            e.correlationId() == null ? "" : e.correlationId()));
        t.print(out());
        out().println("page " + (events.page() + 1) + " of " + events.pages() + ", "
            + events.total() + " event(s)");
      });
    }
  }
}
