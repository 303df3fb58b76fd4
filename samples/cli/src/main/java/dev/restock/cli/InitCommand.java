package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ConflictException;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.migrate.Migrations;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates a database: the one command besides {@code demo} that may. It runs every migration on
 * a new SQLite/H2 file or an empty PostgreSQL database, and can add the first administrator.
 */
@Command(name = "init", description = "Create a new Restock database at --db (schema from the "
    + "migrations) and optionally its first administrator. Every other command except 'demo' "
    + "refuses a database that does not exist (exit code 1). Refuses a database that exists "
    + "already: upgrade one with 'restock migrate apply'.")
final class InitCommand extends EngineCommand {
  @Option(names = "--admin", paramLabel = "USERNAME",
      description = "Also add this first administrator (needs --email).")
  String admin;

  @Option(names = "--email", paramLabel = "EMAIL",
      description = "The first administrator's e-mail address (with --admin).")
  String email;

  @Override
  boolean createsDatabase() {
    return true;
  }

  @Override
  public Integer call() {
    if (tenant != null) {
      throw new RestockCli.UsageException("init --tenant: a tenant's database is made by "
          + "'restock tenant add " + tenant + " --name NAME --db " + db + "' (which also "
          + "makes the tenant directory's catalogue on first use)");
    }
    DatabaseOption.refuseMemory(db, "init");
    TenantOption.refuseDirectoryWithoutTenant(db);
    if ((admin == null) != (email == null)) {
      throw new RestockCli.UsageException("give both --admin and --email, or neither");
    }
    JpaStoreConfig config = config(db);
    if (DatabaseOption.exists(config)) {
      throw new ConflictException("a Restock database exists already at " + db + " (schema "
          + Migrations.status(config).current() + "); 'restock migrate status' shows whether "
          + "it needs migrating");
    }
    return super.call();
  }

  @Override
  void run(Restock engine) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", engine.storeDescription());
    result.put("schemaVersion", Migrations.status(config(db)).current());
    if (admin != null) {
      // the bootstrap: on a database that never had an administrator the system actor adds one
      User user = engine.as(Actor.system().withReason("first administrator")
          .withUserAgent("restock-cli")).users().create(new CreateUser(admin, email, Role.ADMIN));
      result.put("administrator", user.username());
    }
    print(result, () -> {
      out().println("created " + result.get("database") + " (schema version "
          + result.get("schemaVersion") + ")");
      if (admin != null) {
        out().println("first administrator: " + admin);
      }
    });
  }
}
