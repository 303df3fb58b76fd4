package dev.restock.cli;

import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.migrate.Migrations;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.Tenant;
import dev.restock.jpa.config.Secrets;
import dev.restock.jpa.tenant.JpaTenants;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--tenant", paramLabel = "ID", defaultValue = "${env:RESTOCK_TENANT}",
        description = TenantOption.TENANT_HELP)
    String tenant;

    /**
     * The existing database {@code --db} names, or with {@code --tenant} that tenant's database
     * in the tenant directory {@code --db} names; never the in-memory store, never a new file.
     */
    JpaStoreConfig database() {
      DatabaseOption.refuseMemory(db, "migrate " + spec.name());
      if (tenant != null) {
        TenantOption.checkedId(tenant);
        try (TenantDirectory directory = TenantOption.directory(db, false)) {
          TenantOption.known(directory, db, tenant);
          return JpaTenants.storeConfig(directory, tenant);
        }
      }
      JpaStoreConfig config = EngineCommand.config(db);
      DatabaseOption.requireExisting(db, config);
      return config;
    }

    /**
     * The database of every active tenant of the tenant directory {@code --db} names, by id
     * (retired tenants are left as they are).
     */
    Map<String, JpaStoreConfig> allTenants() {
      DatabaseOption.refuseMemory(db, "migrate " + spec.name());
      if (tenant != null) {
        throw new RestockCli.UsageException("give either --tenant ID or --all-tenants, not both");
      }
      Map<String, JpaStoreConfig> configs = new LinkedHashMap<>();
      try (TenantDirectory directory = TenantOption.directory(db, false)) {
        directory.list().stream().filter(Tenant::active).forEach(t ->
            configs.put(t.id(), JpaTenants.storeConfig(directory, t.id())));
      }
      return configs;
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

  @Command(name = "status", description = "Current schema version and pending migrations; "
      + "with --all-tenants one line per active tenant of the tenant directory --db.")
  static final class Status extends Base {
    @Option(names = "--all-tenants", description = "Every active tenant of the tenant "
        + "directory --db names: its id, schema version and pending migrations.")
    boolean allTenants;

    @Override
    public Integer call() {
      if (allTenants) {
        return everyTenant();
      }
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

    private int everyTenant() {
      Map<String, Migrations.Status> statuses = new LinkedHashMap<>();
      allTenants().forEach((id, config) -> statuses.put(id, Migrations.status(config)));
      List<Map<String, Object>> rows = new ArrayList<>();
      statuses.forEach((id, s) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant", id);
        row.put("schemaVersion", s.current());
        row.put("latestKnown", s.latestKnown());
        row.put("pending", s.pending().stream().map(m -> m.version()).toList());
        rows.add(row);
      });
      print(rows, () -> {
        Table t = new Table("TENANT", "SCHEMA", "PENDING");
        statuses.forEach((id, s) -> t.row(id, s.current(), s.pending().isEmpty() ? "none"
            : s.pending().size() + " (" + String.join(", ", s.pending().stream()
                .map(m -> "V" + m.version()).toList()) + ")"));
        t.print(out());
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
      + "migration leaves the database as it was. With --all-tenants, every active tenant of the "
      + "tenant directory --db, each backed up under --backup-dir/ID/ first; a tenant whose "
      + "migration fails is left as it was and the others go on (exit code 1 when any failed).")
  static final class Apply extends Base {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "./backups",
        description = "Where the backups taken before migrating are (default: "
            + "${DEFAULT-VALUE}); a tenant's go to DIR/ID.")
    Path backups;
    @Option(names = "--skip-backup", description = "Do not take a backup first.")
    boolean skipBackup;
    @Option(names = "--all-tenants", description = "Every active tenant of the tenant "
        + "directory --db names, one after the other.")
    boolean allTenants;

    @Override
    public Integer call() {
      if (allTenants) {
        return everyTenant();
      }
      if (tenant != null) {
        backups = backups.resolve(TenantOption.checkedId(tenant));
      }
      Migrations.Applied a = Migrations.apply(database(), backups, skipBackup);
      print(a, () -> out().println(a.migrations() == 0 ? "schema version " + a.from()
          + ": nothing to apply" : "migrated from " + a.from() + " to " + a.to() + " ("
              + a.migrations() + " migration(s))" + (a.backup() == null ? ""
                  : "; backup " + a.backup().file())));
      return 0;
    }

    /** One tenant's outcome under {@code --all-tenants}: what was applied, or why not. */
    record TenantApplied(String tenant, boolean ok, String from, String to, int migrations,
        String backup, String error) {}

    private int everyTenant() {
      List<TenantApplied> results = new ArrayList<>();
      allTenants().forEach((id, config) -> {
        try {
          Migrations.Applied a = Migrations.apply(config, backups.resolve(id), skipBackup);
          results.add(new TenantApplied(id, true, a.from(), a.to(), a.migrations(),
              a.backup() == null ? null : a.backup().file().toString(), null));
        } catch (RuntimeException e) {
          // this tenant is as it was (see Migrations.apply); the others go on
          results.add(new TenantApplied(id, false, null, null, 0, null,
              Secrets.mask(e.getMessage() == null ? e.getClass().getName() : e.getMessage())));
        }
      });
      List<TenantApplied> failed = results.stream().filter(r -> !r.ok()).toList();
      print(results, () -> {
        Table t = new Table("TENANT", "RESULT", "FROM", "TO", "MIGRATIONS", "BACKUP");
        results.forEach(r -> t.row(r.tenant(), r.ok() ? "ok" : "FAILED", r.from(), r.to(),
            r.migrations(), r.backup()));
        t.print(out());
        out().println(results.size() - failed.size() + " of " + results.size()
            + " tenant(s) migrated or up to date" + (failed.isEmpty() ? ""
                : "; failed, each left as it was: " + String.join(", ", failed.stream()
                    .map(TenantApplied::tenant).toList())));
      });
      if (failed.isEmpty()) {
        return 0;
      }
      var err = spec.commandLine().getErr();
      failed.forEach(f -> err.println("error: tenant " + f.tenant() + ": " + f.error()));
      err.flush();
      return RestockCli.NOT_FOUND_OR_CONFLICT;
    }
  }

  @Command(name = "rollback", description = "Restore the newest backup taken before migrating, "
      + "replacing the database (a SQLite file is kept beside it).")
  static final class Rollback extends Base {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "./backups",
        description = "Where the backups taken before migrating are (default: "
            + "${DEFAULT-VALUE}); a tenant's are in DIR/ID.")
    Path backups;

    @Override
    public Integer call() {
      if (tenant != null) {
        backups = backups.resolve(TenantOption.checkedId(tenant));
      }
      BackupInfo info = Migrations.rollback(database(), backups);
      print(info, () -> out().println("restored " + info.file().getFileName() + " (schema "
          + info.schemaVersion() + ", taken " + info.takenAt() + ")"));
      return 0;
    }
  }
}
