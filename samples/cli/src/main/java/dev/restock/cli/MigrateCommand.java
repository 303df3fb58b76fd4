package dev.restock.cli;

import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.migrate.Migrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", description = "Schema migrations: status, history, apply (backup "
    + "first), rollback (restore that backup). Opens no engine, so nothing migrates by itself.",
    subcommands = {MigrateCommand.Status.class, MigrateCommand.History.class,
        MigrateCommand.Apply.class, MigrateCommand.Rollback.class})
final class MigrateCommand {

  /** Options every migrate subcommand takes. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH|URL",
        defaultValue = "${env:RESTOCK_DB_URL:-./restock.db}",
        description = "SQLite file, jdbc: URL or postgresql:// URL of an existing database "
            + "(default: $RESTOCK_DB_URL, else ./restock.db); 'restock init' creates one.")
    String db;

    /** The existing database {@code --db} names; never the in-memory store, never a new file. */
    JpaStoreConfig database() {
      DatabaseOption.refuseMemory(db, "migrate " + spec.name());
      JpaStoreConfig config = EngineCommand.config(db);
      DatabaseOption.requireExisting(db, config);
      return config;
    }

    @Option(names = "--json", description = "Print data as JSON.") boolean json;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    void print(Object value, Runnable human) {
      if (json) {
        out().println(Json.write(value));
      } else {
        human.run();
      }
      out().flush();
    }
  }

  @Command(name = "status", description = "Current schema version and pending migrations.")
  static final class Status extends Base {
    @Override
    public Integer call() {
      Migrations.Status s = Migrations.status(database());
      print(s, () -> {
        out().println("schema version " + s.current() + " (this Restock knows up to "
            + s.latestKnown() + ")");
        if (s.pending().isEmpty()) {
          out().println("no pending migrations");
        }
        s.pending().forEach(m -> out().println("pending  V" + m.version() + " "
            + m.description()));
      });
      return 0;
    }
  }

  @Command(name = "history", description = "Applied migrations with time and checksum.")
  static final class History extends Base {
    @Override
    public Integer call() {
      Migrations.Status s = Migrations.status(database());
      print(s.applied(), () -> {
        Table t = new Table("VERSION", "DESCRIPTION", "STATE", "INSTALLED", "CHECKSUM");
        s.applied().forEach(m -> t.row(m.version(), m.description(), m.state(),
            m.installedOn(), m.checksum()));
        t.print(out());
      });
      return 0;
    }
  }

  @Command(name = "apply", description = "Apply pending migrations; takes a backup first. A failed "
      + "migration leaves the database as it was.")
  static final class Apply extends Base {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "./backups",
        description = "Where the backups taken before migrating are (default: "
            + "${DEFAULT-VALUE}).")
    Path backups;
    @Option(names = "--skip-backup", description = "Do not take a backup first.")
    boolean skipBackup;

    @Override
    public Integer call() {
      Migrations.Applied a = Migrations.apply(database(), backups, skipBackup);
      print(a, () -> out().println(a.migrations() == 0 ? "schema version " + a.from()
          + ": nothing to apply" : "migrated from " + a.from() + " to " + a.to() + " ("
              + a.migrations() + " migration(s))" + (a.backup() == null ? ""
                  : "; backup " + a.backup().file())));
      return 0;
    }
  }

  @Command(name = "rollback", description = "Restore the newest backup taken before migrating, "
      + "replacing the database (a SQLite file is kept beside it).")
  static final class Rollback extends Base {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "./backups",
        description = "Where the backups taken before migrating are (default: "
            + "${DEFAULT-VALUE}).")
    Path backups;

    @Override
    public Integer call() {
      BackupInfo info = Migrations.rollback(database(), backups);
      print(info, () -> out().println("restored " + info.file().getFileName() + " (schema "
          + info.schemaVersion() + ", taken " + info.takenAt() + ")"));
      return 0;
    }
  }
}
