package dev.restock.cli;

import dev.restock.api.error.RestockException;
import dev.restock.api.spi.KeyProvider;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.Secrets;
import dev.restock.jpa.crypto.EnvironmentKeyProvider;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the tool resolves the master keys that encrypt personal fields, in this order:
 * {@code --keys FILE} (default {@code $RESTOCK_KEYS_FILE}); the keys of {@code $RESTOCK_KEYS};
 * for a SQLite file database, the key file {@code <db file>.keys} beside it when present; else
 * none, and personal fields stay plain as before. When {@code init} or {@code demo} creates a
 * SQLite file database without keys from the first two, it creates {@code <db file>.keys} and
 * says so on standard error.
 */
final class KeysOption {
  private KeysOption() {}

  static final String HELP = "Key file of the master keys that encrypt personal fields "
      + "(default: $RESTOCK_KEYS_FILE; else the keys of $RESTOCK_KEYS; else, for a SQLite file "
      + "database, DB.keys beside it when present). 'init' and 'demo' create DB.keys for a new "
      + "SQLite database; keep it apart from the database and its backups in production.";

  /** The keys {@link #resolve} chose, and where they came from. */
  record Keys(KeyProvider provider, String source, Path file, boolean created) {
    static final Keys NONE = new Keys(null, "none: personal fields are stored plain", null,
        false);

    /** The key file this process created, to be removed when no database came of it. */
    Path createdFile() {
      return created ? file : null;
    }

    /**
     * The master key ids the keys hold, in order: the {@code key.<id>} entries of the key file
     * or of {@code $RESTOCK_KEYS}.
     */
    java.util.List<String> ids(Map<String, String> env) {
      java.util.Properties entries = new java.util.Properties();
      try {
        if (file != null) {
          try (var in = Files.newBufferedReader(file)) {
            entries.load(in);
          }
        } else if (provider != null) {
          entries.load(new java.io.StringReader(
              env.getOrDefault(EnvironmentKeyProvider.VARIABLE, "").replace(';', '\n')));
        }
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
      return entries.stringPropertyNames().stream().filter(n -> n.startsWith("key."))
          .map(n -> n.substring(4).strip()).sorted().toList();
    }
  }

  /** The default key file of a SQLite file database: {@code <db file>.keys}; else empty. */
  static Optional<Path> besideDatabase(JpaStoreConfig config) {
    if (config.database() != Database.SQLITE) {
      return Optional.empty();
    }
    return DatabaseOption.file(config)
        .map(file -> file.resolveSibling(file.getFileName() + ".keys"));
  }

  /**
   * The key file {@code --keys} names, else the default beside a SQLite file database; empty
   * for a server database without {@code --keys}.
   */
  static Optional<Path> file(JpaStoreConfig config, Path option) {
    return option != null ? Optional.of(option) : besideDatabase(config);
  }

  /**
   * The keys for a store on {@code config}.
   *
   * @param option {@code --keys} (or {@code $RESTOCK_KEYS_FILE}), null when not given
   * @param creates whether the command creates the database when it is missing
   * @param err where the notice of a created key file goes
   * @throws MissingKeyFileException when the key file {@code --keys} names is not there (and the
   *     command does not create the database)
   * @throws RestockCli.UsageException when a key file or {@code $RESTOCK_KEYS} is bad
   */
  static Keys resolve(JpaStoreConfig config, Path option, boolean creates, PrintWriter err) {
    return resolve(config, option, creates, err, System.getenv());
  }

  static Keys resolve(JpaStoreConfig config, Path option, boolean creates, PrintWriter err,
      Map<String, String> env) {
    boolean newDatabase = creates && !DatabaseOption.exists(config);
    if (option != null) {
      if (Files.exists(option)) {
        return new Keys(load(option), "key file " + option, option, false);
      }
      if (!newDatabase) {
        throw new MissingKeyFileException(option);
      }
      return created(option, err);
    }
    String fromEnv = env.get(EnvironmentKeyProvider.VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return new Keys(new EnvironmentKeyProvider(env),
            "environment variable " + EnvironmentKeyProvider.VARIABLE, null, false);
      } catch (IllegalArgumentException e) {
        throw new RestockCli.UsageException(e.getMessage());
      }
    }
    Optional<Path> beside = besideDatabase(config);
    if (beside.isEmpty()) {
      return Keys.NONE;
    }
    if (Files.exists(beside.get())) {
      return new Keys(load(beside.get()), "key file " + beside.get(), beside.get(), false);
    }
    return newDatabase ? created(beside.get(), err) : Keys.NONE;
  }

  private static KeyFileKeyProvider load(Path file) {
    try {
      return KeyFileKeyProvider.load(file);
    } catch (IllegalArgumentException e) {
      throw new RestockCli.UsageException("--keys: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new RestockCli.UsageException("--keys: cannot read key file " + file + ": "
          + e.getCause().getMessage());
    }
  }

  private static Keys created(Path file, PrintWriter err) {
    KeyFileKeyProvider keys = create(file);
    err.println(notice(file));
    err.flush();
    return new Keys(keys, "key file " + file, file, true);
  }

  /** A new key file at {@code file}; refuses one that is there already. */
  static KeyFileKeyProvider create(Path file) {
    if (Files.exists(file)) {
      throw new KeyFileExistsException(file);
    }
    try {
      return KeyFileKeyProvider.create(file);
    } catch (UncheckedIOException e) {
      throw new RestockCli.UsageException("--keys: cannot create key file " + file + ": "
          + e.getCause().getMessage());
    }
  }

  /** What the tool says when it made a key file. */
  static String notice(Path file) {
    return "created key file " + file.toAbsolutePath() + ": personal fields (emails, addresses, "
        + "notes) are encrypted under its keys, and the database cannot be opened without it. "
        + "In production keep it apart from the database and its backups (pass it with --keys "
        + "or RESTOCK_KEYS_FILE), and keep a copy in a safe place.";
  }

  /**
   * After a store failed to open: when the database holds encrypted values the keys cannot
   * open (none given, or ones lacking a master key), that refusal, typed; else empty and the
   * original failure stands.
   */
  static Optional<RestockException> refusal(JpaStoreConfig config, Keys keys, Path option) {
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
        config.password())) {
      if (config.schema() != null) {
        c.setSchema(config.schema());
      }
      FieldCrypto.checkOnOpen(c, keys.provider(), Secrets.mask(config.jdbcUrl()));
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(new KeysRequiredException(config, keys, option, e.getMessage()));
    } catch (SQLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The database holds encrypted personal data that the keys given cannot open. */
  static final class KeysRequiredException extends RestockException {
    private static final long serialVersionUID = 1L;

    KeysRequiredException(JpaStoreConfig config, Keys keys, Path option, String detail) {
      super(message(config, keys, option, detail));
    }

    private static String message(JpaStoreConfig config, Keys keys, Path option,
        String detail) {
      String db = Secrets.mask(config.jdbcUrl());
      if (keys.provider() == null) {
        String where = besideDatabase(config).map(f -> " (by default the key file " + f
            + " beside the database, which is missing)").orElse("");
        return db + " holds encrypted personal data and cannot be opened without its keys: "
            + "give the key file it was created with, --keys FILE or RESTOCK_KEYS_FILE, or "
            + "RESTOCK_KEYS" + where;
      }
      return "cannot open with the keys of " + keys.source() + ": " + detail;
    }
  }

  /** {@code --keys FILE} names no file, and the command does not create a database. */
  static final class MissingKeyFileException extends RestockException {
    private static final long serialVersionUID = 1L;

    MissingKeyFileException(Path file) {
      super("no key file at " + file + " (--keys or RESTOCK_KEYS_FILE); 'restock keys init' "
          + "makes one");
    }
  }

  /** A key file is never overwritten: its keys may be all that opens a database. */
  static final class KeyFileExistsException extends RestockException {
    private static final long serialVersionUID = 1L;

    KeyFileExistsException(Path file) {
      super("a key file exists already at " + file + "; it is never overwritten (a database "
          + "may need its keys): remove it yourself, or choose another with --keys");
    }
  }
}
