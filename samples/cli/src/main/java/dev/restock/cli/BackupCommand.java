package dev.restock.cli;

import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", description = "Take a consistent, compressed backup of the database "
    + "(SQLite online backup, H2 SCRIPT, PostgreSQL pg_dump) with its metadata.",
    subcommands = {BackupCommand.ListBackups.class, BackupCommand.Prune.class})
final class BackupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", paramLabel = "PATH|URL",
      defaultValue = "${env:RESTOCK_DB_URL:-./restock.db}",
      description = "SQLite file or JDBC URL (default: $RESTOCK_DB_URL, else ./restock.db).")
  String db;

  @Option(names = "--to", paramLabel = "DIR", defaultValue = "./backups",
      description = "Directory for the backup (default: ${DEFAULT-VALUE}).")
  Path to;

  @Option(names = "--json", description = "Print data as JSON.") boolean json;

  @Override
  public Integer call() {
    BackupInfo info = Backups.backup(EngineCommand.config(db), to);
    var out = spec.commandLine().getOut();
    out.println(json ? Json.write(info) : "backup " + info.file() + " (" + info.bytes()
        + " bytes, schema " + info.schemaVersion() + ", " + info.rowCounts().values().stream()
            .mapToLong(Long::longValue).sum() + " rows, sha256 " + info.sha256() + ")");
    out.flush();
    return 0;
  }

  static void print(CommandLine.Model.CommandSpec spec, boolean json, List<BackupInfo> backups) {
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(backups));
    } else {
      Table t = new Table("TAKEN", "DATABASE", "SCHEMA", "BYTES", "FILE");
      backups.forEach(b -> t.row(b.takenAt(), b.database(), b.schemaVersion(), b.bytes(),
          b.file().getFileName()));
      t.print(out);
    }
    out.flush();
  }

  @Command(name = "list", description = "Backups in a directory, newest first.")
  static final class ListBackups implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./backups") Path dir;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      print(spec, json, Backups.list(dir));
      return 0;
    }
  }

  @Command(name = "prune", description = "Delete backups older than N days (the newest is always "
      + "kept).")
  static final class Prune implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./backups") Path dir;
    @Option(names = "--keep-days", required = true, paramLabel = "N") int keepDays;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
      if (keepDays < 0) {
        throw new RestockCli.UsageException("--keep-days must not be negative (was " + keepDays
            + ")");
      }
      List<BackupInfo> deleted = Backups.prune(dir, keepDays, Instant.now());
      if (!json) {
        spec.commandLine().getOut().println("deleted " + deleted.size() + " backup(s)");
      }
      print(spec, json, deleted);
      return 0;
    }
  }
}
