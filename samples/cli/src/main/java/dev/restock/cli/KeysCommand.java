package dev.restock.cli;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.Secrets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", description = "The master keys that encrypt personal fields (emails, "
    + "addresses, notes): make a key file, or show which keys a database uses. Rotation "
    + "('keys rotate') comes with the engine's key rotation.",
    subcommands = {KeysCommand.Init.class, KeysCommand.Status.class})
final class KeysCommand {
  private KeysCommand() {}

  /** Options both subcommands take. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH|URL",
        defaultValue = "${env:RESTOCK_DB_URL:-./restock.db}",
        description = "SQLite file, jdbc: URL or postgresql:// URL (default: $RESTOCK_DB_URL, "
            + "else ./restock.db).")
    String db;

    @Option(names = "--keys", paramLabel = "FILE", defaultValue = "${env:RESTOCK_KEYS_FILE}",
        description = KeysOption.HELP)
    Path keys;

    @Option(names = "--json", description = "Print data as JSON.") boolean json;

    JpaStoreConfig config(String command) {
      DatabaseOption.refuseMemory(db, "keys " + command);
      TenantOption.refuseDirectoryWithoutTenant(db);
      return DatabaseOption.config(db);
    }

    void print(Map<String, Object> result, Runnable text) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(result));
      } else {
        text.run();
      }
      out.flush();
    }
  }

  @Command(name = "init", description = "Write a new key file with a fresh master key and index "
      + "key: --keys FILE, else DB.keys beside a SQLite file database. Never overwrites one. A "
      + "database created afterwards, or an existing one opened with it, encrypts personal "
      + "fields written from then on.")
  static final class Init extends Base {
    @Option(names = "--id", paramLabel = "ID", defaultValue = "k1",
        description = "Id of the first master key (default: ${DEFAULT-VALUE}); letters, digits, "
            + "- and _, at most 32.")
    String id;

    @Override
    public Integer call() {
      JpaStoreConfig config = config("init");
      Path file = KeysOption.file(config, keys).orElseThrow(() -> new RestockCli.UsageException(
          "--keys FILE is required for a server database: its key file has no default place"));
      if (java.nio.file.Files.exists(file)) {
        throw new KeysOption.KeyFileExistsException(file);
      }
      try {
        dev.restock.jpa.crypto.KeyFileKeyProvider.create(file, id);
      } catch (IllegalArgumentException e) {
        throw new RestockCli.UsageException("--id: " + e.getMessage());
      } catch (java.io.UncheckedIOException e) {
        throw new RestockCli.UsageException("--keys: cannot create key file " + file + ": "
            + e.getCause().getMessage());
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", file.toAbsolutePath().toString());
      result.put("currentKey", id);
      print(result, () -> spec.commandLine().getOut().println("created key file " + file
          + " (master key " + id + ")"));
      PrintWriter err = spec.commandLine().getErr();
      err.println(KeysOption.notice(file));
      err.flush();
      return 0;
    }
  }

  @Command(name = "status", description = "Which keys the tool would use for --db, their "
      + "master key ids and the current one, and how many data keys the database holds under "
      + "each master key.")
  static final class Status extends Base {
    @Override
    public Integer call() {
      JpaStoreConfig config = config("status");
      DatabaseOption.requireExisting(db, config);
      KeysOption.Keys resolved = KeysOption.resolve(config, keys, false,
          spec.commandLine().getErr());
      Map<String, Long> dataKeys = dataKeys(config);
      List<String> ids = resolved.ids(System.getenv());
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("database", Secrets.mask(config.jdbcUrl()));
      result.put("keys", resolved.source());
      result.put("currentKey", resolved.provider() == null ? null
          : resolved.provider().currentKeyId());
      result.put("masterKeys", ids);
      result.put("dataKeysPerMasterKey", dataKeys);
      List<String> missing = dataKeys.keySet().stream()
          .filter(id -> resolved.provider() == null || resolved.provider().key(id).isEmpty())
          .toList();
      result.put("missingMasterKeys", missing);
      print(result, () -> {
        PrintWriter out = spec.commandLine().getOut();
        out.println("database: " + result.get("database"));
        out.println("keys: " + resolved.source());
        if (resolved.provider() != null) {
          out.println("current master key: " + resolved.provider().currentKeyId());
          out.println("master keys: " + String.join(", ", ids));
        }
        Table table = new Table("MASTER KEY", "DATA KEYS", "HELD");
        dataKeys.forEach((id, count) -> table.row(id, count, missing.contains(id) ? "no" : "yes"));
        if (resolved.provider() != null) {
          ids.stream().filter(id -> !dataKeys.containsKey(id)).forEach(id -> table.row(id, 0,
              "yes"));
        }
        if (dataKeys.isEmpty() && resolved.provider() == null) {
          out.println("data keys: none (no encrypted values)");
        } else {
          table.print(out);
        }
        if (!missing.isEmpty()) {
          out.println("WARNING: the database holds data keys under master keys these keys do "
              + "not hold (" + String.join(", ", missing) + "): the tool cannot open it with "
              + "them");
        }
      });
      return 0;
    }

    /** Data keys per master key id; a schema before version 8 has none. */
    private static Map<String, Long> dataKeys(JpaStoreConfig config) {
      Map<String, Long> counts = new TreeMap<>();
      try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
          config.password())) {
        if (config.schema() != null) {
          c.setSchema(config.schema());
        }
        try (PreparedStatement s = c.prepareStatement(
                "select kek_id, count(*) from subject_key group by kek_id");
            ResultSet r = s.executeQuery()) {
          while (r.next()) {
            counts.put(r.getString(1), r.getLong(2));
          }
        }
      } catch (SQLException e) {
        if (!missingTable(e)) {
          throw new IllegalStateException(Secrets.mask("cannot read the data keys of "
              + config.jdbcUrl() + ": " + e.getMessage()), e);
        }
      }
      return counts;
    }

    private static boolean missingTable(SQLException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      return message.contains("subject_key") || "42P01".equals(e.getSQLState());
    }
  }
}
