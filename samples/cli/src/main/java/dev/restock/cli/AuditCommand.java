package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.ChainVerification;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Tamper evidence and activity of the audit trail.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Activity.class})
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
}
