package dev.restock.cli;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** A command that opens the engine on {@code --db}, runs, and closes it. */
abstract class EngineCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", paramLabel = "PATH|URL",
      defaultValue = "${env:RESTOCK_DB_URL:-./restock.db}",
      description = "SQLite file, jdbc: URL or postgresql://HOST[:PORT]/DB[?user=U] (default: "
          + "$RESTOCK_DB_URL, else ./restock.db), or 'memory' for an in-memory store that is "
          + "gone when the command ends. The database must exist: 'restock init' creates it. "
          + "User, password, pool size, timeouts and thresholds come from RESTOCK_DB_* "
          + "variables.")
  String db;

  @Option(names = "--tenant", paramLabel = "ID", defaultValue = "${env:RESTOCK_TENANT}",
      description = TenantOption.TENANT_HELP)
  String tenant;

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

  @Option(names = "--keys", paramLabel = "FILE", defaultValue = "${env:RESTOCK_KEYS_FILE}",
      description = KeysOption.HELP)
  java.nio.file.Path keys;

  @Option(names = {"-P", "--plugin-property"}, paramLabel = "PLUGIN-ID.KEY=VALUE",
      description = "A plugin setting, e.g. -P my-plugin.threshold=3; repeatable. Wins over "
          + "the environment variable RESTOCK_MY_PLUGIN__THRESHOLD.")
  java.util.Map<String, String> pluginProperties = new java.util.LinkedHashMap<>();

  @Option(names = "--json", description = "Print data as JSON (the same as --format json).")
  boolean json;

  /** {@code --format}; {@link #format()} resolves it with {@code --json}. */
  OutputFormat format;

  /** {@code --format} of a command that reads files: the files' format, not the output's. */
  String inputFormat;

  @Option(names = "--format", paramLabel = "FORMAT",
      completionCandidates = OutputFormat.Candidates.class,
      description = "Output: text (default, aligned for people), json or csv (a header row, "
          + "then one row per item; a list gives every row unless --page is given). On a "
          + "command that imports files, the files' format instead.")
  void format(String value) {
    if (this instanceof ReadsFiles) {
      inputFormat = value; // e.g. sales import --format dex|csv; its output is text or --json
      return;
    }
    try {
      format = new OutputFormat.Converter().convert(value);
    } catch (CommandLine.TypeConversionException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(),
          spec.findOption("--format"), value);
    }
    if (format == OutputFormat.JSON) {
      json = true; // commands that still read the flag see --format json too
    }
  }

  /**
   * A command whose {@code --format} names the format of the files it reads (the issue's
   * {@code sales import FILE... --format dex|csv}); its output is text, or JSON with
   * {@code --json}.
   */
  interface ReadsFiles {}

  @Option(names = "--verbose", description = "Show library logs and stack traces.")
  boolean verbose;

  @Override
  public Integer call() {
    StartupTiming timing = timing() ? new StartupTiming() : null;
    try (Restock engine = open()) {
      if (timing != null) {
        timing.opened(engine.startupReport());
      }
      run(engine);
      if (timing != null) {
        timing.print(spec.commandLine().getErr());
      }
      return 0;
    }
  }

  /** Whether {@code restock --timing} or {@code RESTOCK_TIMING} asks for the command's timing. */
  boolean timing() {
    boolean option = spec != null && spec.root().userObject() instanceof RestockCli root
        && root.timing;
    return StartupTiming.requested(option, System.getenv());
  }

  /**
   * The engine on {@code --db}, or with {@code --tenant} the tenant's engine of a multi-tenant
   * engine on the tenant directory {@code --db} names; the caller closes it.
   */
  Restock open() {
    RestockEngine.Builder builder = RestockEngine.builder();
    try {
      builder.pluginProperties(pluginProperties);
    } catch (IllegalArgumentException e) {
      throw new RestockCli.UsageException(e.getMessage());
    }
    if (tenant != null) {
      if (keys != null) {
        throw new RestockCli.UsageException("--keys (or RESTOCK_KEYS_FILE) with --tenant: the "
            + "tool does not encrypt tenants' databases yet");
      }
      return openTenant(builder);
    }
    if (MEMORY.equals(db)) {
      return build(builder, dev.restock.plugin.storememory.MemoryStore.factory());
    }
    JpaStoreConfig plain = config(db);
    if (!createsDatabase()) {
      DatabaseOption.requireExisting(db, plain);
    }
    KeysOption.Keys resolved = KeysOption.resolve(plain, keys, createsDatabase(),
        spec.commandLine().getErr());
    JpaStoreConfig config = plain.withKeys(resolved.provider());
    try {
      return build(builder, reportingSealed(storeFactory(config)));
    } catch (RuntimeException e) {
      if (resolved.createdFile() != null) {
        // no database came of it: a key file beside nothing would only mislead
        try {
          java.nio.file.Files.deleteIfExists(resolved.createdFile());
        } catch (java.io.IOException ignored) {
          // the failure to open is what the user needs to see
        }
      }
      if (e instanceof RestockCli.UsageException) {
        throw e;
      }
      throw KeysOption.refusal(config, resolved, keys).map(RuntimeException.class::cast)
          .orElse(e);
    }
  }

  /**
   * {@code factory}, telling stderr in one line how many plain personal values (written before
   * the database had keys) the store sealed as it opened; silent when none.
   */
  private dev.restock.api.spi.StoreFactory reportingSealed(
      dev.restock.api.spi.StoreFactory factory) {
    return () -> {
      dev.restock.api.spi.Store store = factory.open();
      if (store instanceof dev.restock.jpa.JpaStore jpa && jpa.sealedAtOpen() > 0) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("sealed " + jpa.sealedAtOpen() + " plain personal value(s) written before "
            + "the keys were turned on (one revision, keys.seal-existing); history rows keep "
            + "their plain values");
        err.flush();
      }
      return store;
    };
  }

  private Restock build(RestockEngine.Builder builder, dev.restock.api.spi.StoreFactory store) {
    try {
      return AuditWiring.configure(builder, db, auditKey, anchors, this instanceof Writing)
          .store(store).discoverPlugins().build();
    } catch (dev.restock.api.spi.PluginSettingException e) {
      // a -P setting (or a RESTOCK_<PLUGIN>__<KEY> variable) the plugins cannot take
      throw new RestockCli.UsageException(e.getMessage());
    }
  }

  /**
   * The engine of the active tenant {@code --tenant}: an unknown or retired one is refused
   * before any engine opens, so nothing is written. Anchors belong to one store's chain, so
   * {@code --anchors} is refused with a tenant; {@code --audit-key} signs each tenant's
   * checkpoints.
   */
  private Restock openTenant(RestockEngine.Builder builder) {
    TenantOption.checkedId(tenant);
    if (anchors != null) {
      throw new RestockCli.UsageException("--anchors with --tenant: an anchor file follows one "
          + "database's history; the tool does not anchor a tenant's checkpoints yet");
    }
    dev.restock.api.spi.TenantDirectory directory = TenantOption.directory(db, false);
    Restock engine;
    try {
      TenantOption.active(directory, db, tenant);
      engine = AuditWiring.configure(builder, db, auditKey, null, this instanceof Writing)
          .tenants(directory).discoverPlugins().build();
    } catch (dev.restock.api.spi.PluginSettingException e) {
      directory.close();
      throw new RestockCli.UsageException(e.getMessage());
    } catch (RuntimeException e) {
      directory.close();
      throw e;
    }
    try {
      return TenantOption.scoped(engine, tenant);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  abstract void run(Restock engine);

  /** The store the engine opens on {@code config}; a command that needs the store itself wraps it. */
  dev.restock.api.spi.StoreFactory storeFactory(JpaStoreConfig config) {
    return JpaStores.of(config);
  }

  /**
   * Whether this command may create the database it opens ({@code init} and {@code demo});
   * every other command refuses a missing one.
   */
  boolean createsDatabase() {
    return false;
  }

  /** The value of {@code --db} that selects the in-memory store. */
  static final String MEMORY = DatabaseOption.MEMORY;

  /** {@code --db} with the other settings from RESTOCK_DB_* variables (all checked at once). */
  static JpaStoreConfig config(String db) {
    return DatabaseOption.config(db);
  }

  /**
   * Where the text rendering of a value writes. Under {@code --format csv} it leads nowhere (only
   * tables, printed with {@link #print(Table)}, become CSV); for a text list on a terminal it is
   * a buffer that may go through the pager.
   */
  PrintWriter out() {
    return redirect != null ? redirect : stdout();
  }

  /** The command's real standard output. */
  private PrintWriter stdout() {
    return spec.commandLine().getOut();
  }

  /** Set while a rendering writes somewhere else than standard output. */
  private PrintWriter redirect;

  /** Tables printed as CSV so far by the current rendering. */
  private int csvTables;

  /**
   * The output format: {@code --format}, or json for {@code --json}.
   *
   * @throws RestockCli.UsageException when {@code --json} and another {@code --format} are given
   */
  OutputFormat format() {
    if (json && format != null && format != OutputFormat.JSON) {
      throw new RestockCli.UsageException("--json and --format " + format
          + " contradict each other");
    }
    return json ? OutputFormat.JSON : format == null ? OutputFormat.TEXT : format;
  }

  /** A table for this command's output, printed with {@link #print(Table)}. */
  Table newTable(String... header) {
    return new Table(header);
  }

  /**
   * Prints a table in the output format: aligned text, or CSV (header row, no padding). A table
   * printed under {@code --json} outside {@link #print(Object, Runnable)} is a JSON array of
   * objects keyed by column header. Several tables under CSV are separated by an empty line.
   */
  void print(Table table) {
    switch (format()) {
      case CSV -> {
        if (csvTables > 0) {
          stdout().println();
        }
        table.writeCsv(stdout());
        csvTables++;
      }
      case JSON -> {
        stdout().println(Json.write(table.records()));
        stdout().flush();
      }
      case TEXT -> table.print(out());
    }
  }

  /**
   * Prints a value: as JSON (see {@link Json}); as CSV, the tables the {@code human} rendering
   * prints with {@link #print(Table)} (its other lines are left out), or the value's own fields
   * when it prints none; as text, the {@code human} rendering (a list through the pager on a
   * terminal).
   */
  void print(Object value, Runnable human) {
    switch (format()) {
      case JSON -> {
        stdout().println(Json.write(value));
        stdout().flush();
      }
      case CSV -> csv(value, human);
      case TEXT -> {
        if (value instanceof Page<?> || value instanceof Collection<?>) {
          paged(human);
        } else {
          human.run();
          out().flush();
        }
      }
    }
  }

  /**
   * Prints one page of a list: under {@code --json} as
   * {@code {"items":[...],"page":1,"pageSize":50,"totalItems":123,"totalPages":3}}; under CSV as
   * {@link #print(Object, Runnable)} does, with no page footer; as text, the {@code human}
   * rendering of the page's items, then "page 1 of 3 (123 items); next: --page 2".
   */
  void printPage(Page<?> page, Runnable human) {
    if (format() != OutputFormat.TEXT) {
      print(page, human);
      return;
    }
    paged(() -> {
      human.run();
      out().println(footer(page));
    });
  }

  /** The line under a text page: where it is in the list and how to see the next page. */
  static String footer(Page<?> page) {
    if (page.total() == 0) {
      return "0 items";
    }
    long number = page.page() + 1L;
    String where = "page " + number + " of " + page.pages() + " (" + page.total()
        + (page.total() == 1 ? " item)" : " items)");
    return number < page.pages() ? where + "; next: --page " + (number + 1) : where;
  }

  /**
   * The page {@code paging} asks for, or under {@code --format csv} without {@code --page}
   * every row (read page after page).
   */
  <T> Page<T> read(Paging paging, Function<PageRequest, Page<T>> query) {
    if (format() != OutputFormat.CSV || paging.pageGiven()) {
      return query.apply(paging.request());
    }
    paging.request(); // the options are checked even when every row is read
    List<T> all = new ArrayList<>();
    for (int number = 0; ; number++) {
      Page<T> page = query.apply(PageRequest.of(number, PageRequest.MAX_SIZE));
      all.addAll(page.items());
      if (number + 1 >= page.pages()) {
        return new Page<>(all, 0, Math.max(1, all.size()), all.size());
      }
    }
  }

  /** The page {@code paging} asks for of a list held whole, or every row as {@link #read}. */
  <T> Page<T> slice(Paging paging, List<T> all) {
    if (format() == OutputFormat.CSV && !paging.pageGiven()) {
      paging.request();
      return new Page<>(all, 0, Math.max(1, all.size()), all.size());
    }
    return paging.slice(all);
  }

  private void csv(Object value, Runnable human) {
    PrintWriter previous = redirect;
    int previousTables = csvTables;
    redirect = new PrintWriter(Writer.nullWriter());
    csvTables = 0;
    try {
      human.run();
      if (csvTables == 0) {
        Csv.writeValue(value, stdout());
      }
    } finally {
      redirect = previous;
      csvTables = previousTables;
    }
    stdout().flush();
  }

  /** A text rendering that goes through the pager when long and on a terminal. */
  private void paged(Runnable human) {
    if (redirect != null || !Pager.terminal()) {
      human.run();
      out().flush();
      return;
    }
    StringWriter buffer = new StringWriter();
    redirect = new PrintWriter(buffer);
    try {
      human.run();
      redirect.flush();
    } finally {
      redirect = null;
    }
    Pager.show(buffer.toString(), stdout());
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
              "administrator", "none in this database (add the first with 'restock user add --username U --email E "
              + "--role ADMIN', or pass --as)"));
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
