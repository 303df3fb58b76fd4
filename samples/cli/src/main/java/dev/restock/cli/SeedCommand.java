package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.seed.ReferenceData;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed", description = "Seed the standard reference data (device types Single, "
    + "Combo, Bank; cabinet types Ambient, Chilled, Frozen) and optionally a first administrator. "
    + "Idempotent: a second run changes nothing and adds no history.")
final class SeedCommand extends EngineCommand {
  @Option(names = "--admin-username", paramLabel = "U",
      description = "Also add this first administrator (with --admin-email).")
  String adminUsername;
  @Option(names = "--admin-email", paramLabel = "E",
      description = "The first administrator's e-mail address (with --admin-username).")
  String adminEmail;

  @Override
  void run(Restock engine) {
    if ((adminUsername == null) != (adminEmail == null)) {
      throw new RestockCli.UsageException("give both --admin-username and --admin-email, or "
          + "neither");
    }
    ReferenceData.Report report = engine.seed(ReferenceData.standard(adminUsername == null ? null
        : new CreateUser(adminUsername, adminEmail, Role.ADMIN)));
    print(report, () -> {
      report.created().forEach(c -> out().println("created   " + c));
      report.updated().forEach(u -> out().println("updated   " + u));
      report.unchanged().forEach(u -> out().println("unchanged " + u));
    });
  }
}
