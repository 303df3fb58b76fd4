package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.ops.Health;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.Secrets;
import java.time.Duration;
import picocli.CommandLine.Command;

@Command(name = "health", description = "Is the database up: round-trip latency, schema version, "
    + "pool figures. Exit code 1 when down, also when the database cannot be reached at all.")
final class HealthCommand extends EngineCommand {

  /**
   * An unreachable database makes opening the engine fail; that is the answer health exists to
   * give, so it is reported as DOWN (exit 1) rather than as an unexpected error (exit 3). Bad
   * settings stay bad input (exit 2).
   */
  @Override
  public Integer call() {
    Restock engine;
    try {
      engine = open();
    } catch (RestockCli.UsageException e) {
      throw e;
    } catch (RuntimeException e) {
      String problem = Secrets.mask(e.getMessage() == null ? e.getClass().getName()
          : e.getMessage());
      report(new Health(false, description(), Duration.ZERO, null,
          new Health.PoolStatus(0, 0, 0, 0), problem));
      ErrorReport.of(RestockCli.NOT_FOUND_OR_CONFLICT, problem)
          .print(spec.commandLine().getErr(), format() == OutputFormat.JSON);
      if (verbose) {
        Secrets.scrub(e).printStackTrace(spec.commandLine().getErr());
      }
      spec.commandLine().getErr().flush();
      return RestockCli.NOT_FOUND_OR_CONFLICT;
    }
    try (engine) {
      run(engine);
      return 0;
    }
  }

  @Override
  void run(Restock engine) {
    Health h = engine.health();
    report(h);
    if (!h.up()) {
      throw new RestockCli.ExitException(RestockCli.NOT_FOUND_OR_CONFLICT);
    }
  }

  private String description() {
    return MEMORY.equals(db) ? MEMORY : JpaStore.description(config(db));
  }

  private void report(Health h) {
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
  }
}
