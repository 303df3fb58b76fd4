package dev.restock.cli;

import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.RestockException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.jpa.config.Secrets;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code restock} tool: a host application embedding the engine on a SQLite file (or any
 * database URL). Exit codes: 0 success, 1 not found or conflict, 2 bad input, 3 anything else.
 */
@Command(name = "restock", mixinStandardHelpOptions = true, version = "restock 0.1.0",
    description = "Vending route operations on a Restock database.",
    subcommands = {DemoCommand.class, ProductCommand.class, RouteCommand.class,
        DeviceCommand.class, PickListCommand.class, HistoryCommand.class, OrderCommand.class,
        VisitCommand.class, StockCommand.class, DeliveryNoteCommand.class, SalesCommand.class,
        UserCommand.class, AuditCommand.class, AsOfCommand.class, DeletedCommand.class, RestoreCommand.class,
        HealthCommand.class, StatsCommand.class, BackupCommand.class, SeedCommand.class,
        MigrateCommand.class, ReportCommand.class, LocationCommand.class,
        PlanogramCommand.class, SlotCommand.class, ImportCommand.class})
public final class RestockCli implements Runnable {
  static final int NOT_FOUND_OR_CONFLICT = 1;
  static final int BAD_INPUT = 2;
  static final int UNEXPECTED = 3;
  /** {@code audit verify} found an altered or removed revision. */
  static final int AUDIT_BROKEN = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    quietLogging(Arrays.asList(args).contains("--verbose"));
    System.exit(commandLine().execute(args));
  }

  /**
   * Logging is configured before any library loads its logger: warnings and errors only, or
   * everything from Restock and its libraries with {@code --verbose}.
   */
  static void quietLogging(boolean verbose) {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // Restock uses no Guice AOP; without bytecode generation Guice never touches sun.misc.Unsafe,
    // which JDK 24+ warns about on every start
    System.setProperty("guice_bytecode_gen_option", "DISABLED");
  }

  /** The command line with the tool's error handling; tests call this with their own writers. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RestockCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      boolean verbose = parseResult.originalArgs().contains("--verbose");
      int code = report(e, err);
      if (verbose) {
        Secrets.scrub(e).printStackTrace(err);
      }
      err.flush();
      return code;
    });
    return cli;
  }

  private static int report(Exception e, PrintWriter err) {
    if (e instanceof ExitException exit) {
      return exit.code;
    }
    if (e instanceof ValidationException v) {
      for (Violation violation : v.violations()) {
        err.println("error: " + violation.field() + ": " + Secrets.mask(violation.message()));
      }
      return BAD_INPUT;
    }
    if (e instanceof UsageException) {
      err.println("error: " + Secrets.mask(e.getMessage()));
      return BAD_INPUT;
    }
    if (e instanceof dev.restock.jpa.backup.BackupException
        || e instanceof dev.restock.jpa.migrate.Migrations.MigrationException) {
      err.println("error: " + Secrets.mask(e.getMessage()));
      return NOT_FOUND_OR_CONFLICT;
    }
    if (e instanceof NotFoundException || e instanceof ConflictException) {
      err.println("error: " + Secrets.mask(e.getMessage()));
      return NOT_FOUND_OR_CONFLICT;
    }
    if (e instanceof RestockException) {
      err.println("error: " + Secrets.mask(e.getMessage()));
      return NOT_FOUND_OR_CONFLICT;
    }
    err.println("error: " + (e.getMessage() == null ? e.getClass().getName()
            : Secrets.mask(e.getMessage()))
        + " (run with --verbose for details)");
    return UNEXPECTED;
  }

  /** Ends the command with an exit code after it has printed its own outcome. */
  static final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    ExitException(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /** Bad command-line input the engine cannot judge (e.g. an unknown history type). */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
