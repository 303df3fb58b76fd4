package dev.restock.cli;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** A command that opens the engine on {@code --db}, runs, and closes it. */
abstract class EngineCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", paramLabel = "PATH|URL",
      defaultValue = "${env:RESTOCK_DB_URL:-./restock.db}",
      description = "SQLite file or JDBC URL (default: $RESTOCK_DB_URL, else ./restock.db), or "
          + "'memory' for an in-memory store that is gone when the command ends. "
          + "Pool size, timeouts and thresholds come from RESTOCK_DB_* variables.")
  String db;

  @Option(names = "--audit-key", paramLabel = "FILE",
      defaultValue = "${env:RESTOCK_AUDIT_KEY}",
      description = "Ed25519 key file signing history checkpoints (default: $RESTOCK_AUDIT_KEY); "
          + "write one with 'restock audit keygen'.")
  java.nio.file.Path auditKey;

  @Option(names = "--anchors", paramLabel = "FILE",
      defaultValue = "${env:RESTOCK_AUDIT_ANCHORS}",
      description = "JSON-lines file outside the database's directory that checkpoints are "
          + "appended to and 'audit verify' checks against (default: $RESTOCK_AUDIT_ANCHORS).")
  java.nio.file.Path anchors;

  @Option(names = {"-P", "--plugin-property"}, paramLabel = "PLUGIN-ID.KEY=VALUE",
      description = "A plugin setting, e.g. -P my-plugin.threshold=3; repeatable. Wins over "
          + "the environment variable RESTOCK_MY_PLUGIN__THRESHOLD.")
  java.util.Map<String, String> pluginProperties = new java.util.LinkedHashMap<>();

  @Option(names = "--json", description = "Print data as JSON.")
  boolean json;

  @Option(names = "--verbose", description = "Show library logs and stack traces.")
  boolean verbose;

  @Override
  public Integer call() {
    try (Restock engine = open()) {
      run(engine);
      return 0;
    }
  }

  /** The engine on {@code --db}; the caller closes it. */
  Restock open() {
    RestockEngine.Builder builder = RestockEngine.builder();
    try {
      builder.pluginProperties(pluginProperties);
    } catch (IllegalArgumentException e) {
      throw new RestockCli.UsageException(e.getMessage());
    }
    try {
      return AuditWiring.configure(builder, db, auditKey, anchors, this instanceof Writing)
          .store(storeFactory(db)).discoverPlugins().build();
    } catch (dev.restock.api.spi.PluginSettingException e) {
      // a -P setting (or a RESTOCK_<PLUGIN>__<KEY> variable) the plugins cannot take
      throw new RestockCli.UsageException(e.getMessage());
    }
  }

  abstract void run(Restock engine);

  /** The value of {@code --db} that selects the in-memory store. */
  static final String MEMORY = "memory";

  /** The in-memory store for {@code --db memory}, else the JPA store that {@link #config} gives. */
  static dev.restock.api.spi.StoreFactory storeFactory(String db) {
    return MEMORY.equals(db) ? dev.restock.plugin.storememory.MemoryStore.factory()
        : JpaStores.of(config(db));
  }

  /** {@code --db} with the other settings from RESTOCK_DB_* variables (all checked at once). */
  static JpaStoreConfig config(String db) {
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.remove("RESTOCK_DB_URL"); // --db already took it into account and wins
    try {
      return JpaStoreConfig.from(java.util.Map.of("restock.db.url", db), env);
    } catch (IllegalArgumentException e) {
      throw new RestockCli.UsageException(e.getMessage());
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** A table for this command's output, printed with {@link #print(Table)}. */
  Table newTable(String... header) {
    return new Table(header);
  }

  /** Prints a table made by {@link #newTable}. */
  void print(Table table) {
    table.print(out());
  }

  /** Prints a value as JSON, or runs the human rendering. */
  void print(Object value, Runnable human) {
    if (json) {
      out().println(Json.write(value));
      out().flush();
    } else {
      human.run();
      out().flush();
    }
  }

  /** Read-only work needs no particular actor; the system actor is used. */
  static RestockSession reader(Restock engine) {
    return engine.as(Actor.system());
  }

  /** Commands that change data: act as {@code --as} or the first administrator. */
  abstract static class Writing extends EngineCommand {
    @Option(names = "--as", paramLabel = "USERNAME",
        description = "Act as this user (default: the first administrator).")
    String as;

    @Option(names = "--reason", paramLabel = "TEXT",
        description = "Why this change is made; history shows it with the revision "
            + "('restock history TYPE ID').")
    String reason;

    RestockSession writer(Restock engine) {
      return engine.as(actor(engine));
    }

    /** {@code --as} (or the first administrator) with {@code --reason}, as the tool's user agent. */
    Actor actor(Restock engine) {
      RestockSession system = engine.as(Actor.system());
      User user = as != null ? system.users().getByUsername(as)
          : system.users().firstAdministrator().orElseThrow(() -> new NotFoundException(
              "administrator", "none in this database (run 'restock demo' or pass --as)"));
      Actor actor = Actor.user(user.id()).withUserAgent("restock-cli");
      return reason == null ? actor : actor.withReason(reason);
    }

    /** {@code --reason}, for commands that cannot run without one. */
    String requiredReason() {
      if (reason == null || reason.isBlank()) {
        throw new RestockCli.UsageException("--reason is required for this command");
      }
      return reason;
    }
  }
}
