package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.ops.Health;
import picocli.CommandLine.Command;

@Command(name = "health", description = "Is the database up: round-trip latency, schema version, "
    + "pool figures. Exit code 1 when down.")
final class HealthCommand extends EngineCommand {
  @Override
  void run(Restock engine) {
    Health h = engine.health();
    print(h, () -> {
      out().println((h.up() ? "UP" : "DOWN") + "  " + h.store());
      if (h.up()) {
        out().printf("latency %.1f ms, schema version %s%n", h.latency().toNanos() / 1e6,
            h.schemaVersion());
      } else {
        out().println("problem: " + h.problem());
      }
      out().printf("pool: %d active, %d idle, %d waiting, %d max%n", h.pool().active(),
          h.pool().idle(), h.pool().waiting(), h.pool().max());
    });
    if (!h.up()) {
      throw new RestockCli.ExitException(RestockCli.NOT_FOUND_OR_CONFLICT);
    }
  }
}
