package dev.restock.cli;

import dev.restock.api.error.RestockException;
import dev.restock.api.error.ValidationException;
import dev.restock.jpa.config.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code restock} tool: a host application embedding the engine on a SQLite file (or any
 * database URL). Exit codes: 0 success, 1 not found or conflict, 2 bad input, 3 anything else.
 */
@Command(name = "restock", mixinStandardHelpOptions = true,
    versionProvider = RestockCli.BuildVersion.class,
    description = "Vending route operations on a Restock database.",
    subcommands = {InitCommand.class,
        DemoCommand.class, ProductCommand.class, RouteCommand.class,
        DeviceCommand.class, PickListCommand.class, HistoryCommand.class, OrderCommand.class,
        VisitCommand.class, StockCommand.class, DeliveryNoteCommand.class, SalesCommand.class,
        UserCommand.class, AuditCommand.class, AsOfCommand.class, DeletedCommand.class, RestoreCommand.class,
        HealthCommand.class, StatsCommand.class, BackupCommand.class, SeedCommand.class,
        MigrateCommand.class, ReportCommand.class, LocationCommand.class,
        PlanogramCommand.class, SlotCommand.class, ImportCommand.class, TenantCommand.class,
        KeysCommand.class})
public final class RestockCli implements Runnable {
  static final int NOT_FOUND_OR_CONFLICT = 1;
  static final int BAD_INPUT = 2;
  static final int UNEXPECTED = 3;
  /** {@code audit verify} found an altered or removed revision. */
  static final int AUDIT_BROKEN = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--timing",
      description = "Print where the command's time went to standard error, phase by phase: JVM "
          + "start, command line, opening the engine (pool, integrity check, Flyway, Hibernate, "
          + "schema validation, Guice) and the command itself. Also RESTOCK_TIMING=true.")
  boolean timing;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    StartupTiming.mainStarted();
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

  /**
   * The command line with the tool's error handling; tests call this with their own writers.
   *
   * <p>Errors go to standard error, one {@code error: FIELD: MESSAGE} line per problem (or
   * {@code error: MESSAGE} when no field is to blame). Under {@code --json} (or
   * {@code --format json}) they go to standard error as one JSON document instead,
   * {@code {"error":{"code":2,"message":"...","problems":[{"field":"price","message":"..."}]}}}
   * ({@code field} null when no field is to blame), so that standard output only ever carries
   * data. The exit code is the same either way. Command-line mistakes (an unknown option, a
   * missing or unreadable value) are bad input like any other: exit 2, field = the option.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RestockCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      boolean verbose = parseResult.originalArgs().contains("--verbose");
      int code = report(e, err, jsonErrors(commandLine, parseResult.originalArgs()));
      if (verbose) {
        Secrets.scrub(e).printStackTrace(err);
      }
      err.flush();
      return code;
    });
    cli.setParameterExceptionHandler((e, args) -> {
      PrintWriter err = e.getCommandLine().getErr();
      ErrorReport.of(BAD_INPUT, "invalid command line", ErrorReport.problems(e))
          // parsing may have stopped before --json: the words decide
          .print(err, ErrorReport.jsonAsked(Arrays.asList(args)));
      err.flush();
      return BAD_INPUT;
    });
    return standardHelp(cli);
  }

  /** Whether errors are to be JSON: the command's own format when it has one, else its words. */
  private static boolean jsonErrors(CommandLine commandLine, java.util.List<String> args) {
    if (commandLine.getCommand() instanceof EngineCommand command) {
      try {
        return command.format() == OutputFormat.JSON;
      } catch (UsageException e) {
        return true; // --json was given
      }
    }
    return ErrorReport.jsonAsked(args);
  }

  /**
   * {@code --help} and {@code --version} on every command and subcommand, whoever registered it,
   * plus {@code restock help CMD [SUB]} and {@code restock completion}. Done on the built tree
   * rather than in each annotation so that a command added later cannot be left without help.
   */
  static CommandLine standardHelp(CommandLine cli) {
    if (!cli.getSubcommands().containsKey("help")) {
      cli.addSubcommand(new CommandLine(new HelpCommand()));
    }
    if (!cli.getSubcommands().containsKey("completion")) {
      CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
      completion.getCommandSpec().name("completion").usageMessage().hidden(false).description(
          "Print a bash/zsh completion script for restock; load it with "
              + "'source <(restock completion)'.");
      cli.addSubcommand(completion);
    }
    CommandLine.IVersionProvider version = new BuildVersion();
    withHelp(cli.getCommandSpec(), version);
    return cli;
  }

  private static void withHelp(CommandLine.Model.CommandSpec spec,
      CommandLine.IVersionProvider version) {
    if (spec.optionsMap().get("--help") == null) {
      spec.mixinStandardHelpOptions(true);
    }
    if (spec.versionProvider() == null && spec.version().length == 0) {
      spec.versionProvider(version);
    }
    spec.subcommands().values().stream().distinct()
        .forEach(sub -> withHelp(sub.getCommandSpec(), version));
  }

  /**
   * The tool's version from the build: {@code version.properties} beside this class, filled in by
   * Maven resource filtering.
   */
  static final class BuildVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
      return new String[] {"restock " + version(), "JVM: ${java.version} (${java.vendor})"};
    }

    /** The project version, or "unknown" when the class was not built by Maven. */
    static String version() {
      Properties properties = new Properties();
      try (InputStream in = RestockCli.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return "unknown";
        }
        properties.load(in);
      } catch (IOException e) {
        return "unknown";
      }
      String v = properties.getProperty("version", "").strip();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }
  }

  static int report(Exception e, PrintWriter err, boolean json) {
    if (e instanceof ExitException exit) {
      return exit.code;
    }
    ErrorReport report;
    if (e instanceof ValidationException v) {
      report = ErrorReport.of(BAD_INPUT, "invalid input", v.violations().stream()
          .map(violation -> new ErrorReport.Problem(violation.field(),
              Secrets.mask(violation.message())))
          .toList());
    } else if (e instanceof UsageException) {
      report = ErrorReport.of(BAD_INPUT, Secrets.mask(e.getMessage()));
    } else if (e instanceof dev.restock.jpa.backup.BackupException
        || e instanceof dev.restock.jpa.migrate.Migrations.MigrationException
        || e instanceof RestockException) {
      // not found, conflict, and the engine's other refusals
      report = ErrorReport.of(NOT_FOUND_OR_CONFLICT, Secrets.mask(e.getMessage()));
    } else {
      String message = e.getMessage() == null ? e.getClass().getName()
          : Secrets.mask(e.getMessage());
      report = json ? ErrorReport.of(UNEXPECTED, message)
          : ErrorReport.of(UNEXPECTED, message + " (run with --verbose for details)");
    }
    report.print(err, json);
    return report.code();
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
