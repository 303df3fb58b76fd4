package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.fleet.Route;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import picocli.CommandLine.Command;

@Command(name = "route", description = "Routes.", subcommands = RouteCommand.ListRoutes.class)
final class RouteCommand {

  @Command(name = "list", description = "List live routes.")
  static final class ListRoutes extends EngineCommand {
    @Override
    void run(Restock engine) {
      Page<Route> routes = reader(engine).routes().list(PageRequest.of(0, PageRequest.MAX_SIZE));
      print(routes.items(), () -> {
        Table t = new Table("CODE", "NAME", "VISIT EVERY (DAYS)", "ID");
        routes.items().forEach(r -> t.row(r.code(), r.name(), r.visitIntervalDays(), r.id()));
        t.print(out());
      });
    }
  }
}
