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
    + "addresses, notes): make a key file, show which keys a database uses, or rotate to a "
    + "new master key.",
    subcommands = {KeysCommand.Init.class, KeysCommand.Status.class, KeysCommand.Rotate.class})
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
      long plainHistory = plainInHistory(config);
      result.put("plainValuesInHistory", plainHistory);
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
        if (plainHistory > 0) {
          out.println("plain values in history: " + plainHistory + " (written before the keys "
              + "were turned on; they stay plain, and a user whose e-mail is among them cannot be erased)");
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

    /**
     * Personal values history holds in plain text, written before the database had keys: the
     * hash chain covers them as they are (docs/personal-data.md); 0 when a history table is missing.
     */
    private static long plainInHistory(JpaStoreConfig config) {
      long n = 0;
      try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
          config.password())) {
        if (config.schema() != null) {
          c.setSchema(config.schema());
        }
        for (String[] t : new String[][] {{"app_user_aud", "email"},
            {"location_aud", "address"}, {"service_order_aud", "notes"},
            {"service_visit_aud", "notes"}}) {
          try (PreparedStatement s = c.prepareStatement("select count(*) from " + t[0]
                  + " where " + t[1] + " is not null and substr(" + t[1] + ", 1, 5) <> 'ENC1.'");
              ResultSet r = s.executeQuery()) {
            r.next();
            n += r.getLong(1);
          }
        }
      } catch (SQLException e) {
        if (noSuchTable(e)) {
          return 0;
        }
        throw new IllegalStateException(Secrets.mask("cannot count the plain values in the "
            + "history of " + config.jdbcUrl() + ": " + e.getMessage()), e);
      }
      return n;
    }

    /** A table that does not exist (an older schema), and no other failure. */
    private static boolean noSuchTable(SQLException e) {
      String state = String.valueOf(e.getSQLState());
      // PostgreSQL 42P01, H2 42S02 (42102 in its own codes); sqlite-jdbc has only the message
      return "42P01".equals(state) || state.startsWith("42S02") || e.getErrorCode() == 42102
          || String.valueOf(e.getMessage()).contains("no such table");
    }

    private static boolean missingTable(SQLException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      return message.contains("subject_key") || "42P01".equals(e.getSQLState());
    }
  }

  @Command(name = "rotate", description = "Rotate the master key: add a new master key to the "
      + "key file and make it current, then give every subject a new data key under it, "
      + "re-encrypt every personal value (live and history; 'audit verify' stays intact) and "
      + "delete the data keys under the older master keys, after which they can be removed "
      + "from the key file. Needs a key file (not RESTOCK_KEYS) and --reason; runs as --as or "
      + "the first administrator. Reads and writes may go on meanwhile. If it fails or is "
      + "stopped, 'keys rotate --reason R --resume' finishes it.")
  static final class Rotate extends EngineCommand.Writing {
    @Option(names = "--new-id", paramLabel = "ID",
        description = "Id of the new master key (default: k<yyyyMMddHHmmss>, UTC); letters, "
            + "digits, - and _, at most 32; must not be in the key file.")
    String newId;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "200",
        description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--resume", description = "Add no key: finish a rotation that failed or "
        + "was stopped, under the key file's current master key.")
    boolean resume;

    private dev.restock.jpa.JpaStore store;

    @Override
    public Integer call() {
      String why = requiredReason();
      if (tenant != null) {
        throw new RestockCli.UsageException("keys rotate with --tenant: the tool does not "
            + "encrypt tenants' databases yet");
      }
      DatabaseOption.refuseMemory(db, "keys rotate");
      if (batch < 1) {
        throw new RestockCli.UsageException("--batch must be at least 1, not " + batch);
      }
      if (resume && newId != null) {
        throw new RestockCli.UsageException("--resume adds no key: drop --new-id");
      }
      JpaStoreConfig plain = EngineCommand.config(db);
      DatabaseOption.requireExisting(db, plain);
      String env = System.getenv(dev.restock.jpa.crypto.EnvironmentKeyProvider.VARIABLE);
      if (keys == null && env != null && !env.isBlank()) {
        throw new RestockCli.UsageException("keys rotate needs a key file (--keys FILE or "
            + "RESTOCK_KEYS_FILE): the keys come from RESTOCK_KEYS, and the tool cannot add a "
            + "key to an environment variable");
      }
      Path file = KeysOption.file(plain, keys).orElseThrow(() -> new RestockCli.UsageException(
          "--keys FILE is required for a server database: its key file has no default place"));
      if (!java.nio.file.Files.exists(file)) {
        throw new KeysOption.MissingKeyFileException(file);
      }
      if (!resume) {
        String id = newId != null ? newId : defaultId();
        try {
          dev.restock.jpa.crypto.KeyFileKeyProvider.addKey(file, id);
        } catch (IllegalArgumentException e) {
          throw new RestockCli.UsageException("--new-id: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
          throw new RestockCli.UsageException("--keys: cannot write key file " + file + ": "
              + e.getCause().getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("added master key " + id + " to " + file + " and made it current");
        err.flush();
      }
      keys = file;
      reason = why;
      return super.call();
    }

    static String defaultId() {
      return "k" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
          .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
    }

    @Override
    dev.restock.api.spi.StoreFactory storeFactory(JpaStoreConfig config) {
      return () -> {
        dev.restock.jpa.JpaStore opened = dev.restock.jpa.JpaStore.open(config);
        store = opened;
        return opened;
      };
    }

    @Override
    void run(dev.restock.api.Restock engine) {
      if (store == null) {
        throw new RestockCli.UsageException("keys rotate needs a JPA store");
      }
      Progress progress = Progress.of(spec, "rotating keys");
      String[] table = {null};
      dev.restock.jpa.crypto.KeyRotation.Result result;
      try {
        result = store.keyRotation().run(actor(engine), reason, batch, p -> {
          if (!p.table().equals(table[0])) {
            table[0] = p.table();
            progress.step(p.table() + " (" + p.tablesDone() + "/" + p.tables() + " tables, "
                + p.rowsReencrypted() + " values re-encrypted)");
          }
        });
      } catch (RuntimeException e) {
        progress.done();
        throw new RotationFailedException(e);
      }
      progress.done();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("currentKey", store.keyRotation().status().currentKeyId());
      summary.put("newDataKeys", result.newDataKeys());
      summary.put("rowsReencrypted", result.rowsReencrypted());
      summary.put("oldDataKeysDeleted", result.oldDataKeysDeleted());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(summary));
      } else {
        out.println("rotated to master key " + summary.get("currentKey") + ": "
            + result.newDataKeys() + " data keys made, " + result.rowsReencrypted()
            + " values re-encrypted, " + result.oldDataKeysDeleted() + " old data keys "
            + "deleted; the older master keys can now be removed from the key file");
      }
      out.flush();
    }
  }

  /** A rotation that stopped part way; running it again with {@code --resume} finishes it. */
  static final class RotationFailedException extends dev.restock.api.error.RestockException {
    private static final long serialVersionUID = 1L;

    RotationFailedException(RuntimeException cause) {
      super("key rotation stopped: " + cause.getMessage() + "; every value still reads (the "
          + "key file keeps the older keys): run 'restock keys rotate --reason R --resume' "
          + "with the same --db and --keys to finish it");
    }
  }
}
