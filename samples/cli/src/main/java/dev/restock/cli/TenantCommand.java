package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.FleetSummary;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tenants as a whole, on a tenant directory: a folder with a SQLite file per tenant, or a
 * PostgreSQL database with a schema per tenant. The tool acts as the system actor (its user
 * agent {@code restock-cli}), as {@code init} does; every change is recorded in the directory's
 * log ({@code restock tenant events}).
 */
@Command(name = "tenant", description = "Tenants of a tenant directory (--db: a folder with a "
    + "SQLite file per tenant, or a postgresql:// URL with a schema per tenant): add, list, "
    + "retire, events, summary. 'tenant add' makes the directory's catalogue on first use; "
    + "other commands reach one tenant's data with --tenant ID.",
    subcommands = {TenantCommand.Add.class, TenantCommand.ListTenants.class,
        TenantCommand.Retire.class, TenantCommand.Events.class, TenantCommand.Summary.class})
final class TenantCommand {
  private TenantCommand() {}

  /** Options every tenant subcommand takes, and the multi-tenant engine they work on. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR|URL", defaultValue = "${env:RESTOCK_DB_URL}",
        description = "The tenant directory: a folder (a SQLite file ID.db per tenant, the "
            + "catalogue in tenants.db) or a postgresql:// URL (a schema tenant_ID per tenant, "
            + "the catalogue in the schema restock_tenants). Default: $RESTOCK_DB_URL.")
    String db;

    @Option(names = "--json", description = "Print data as JSON.") boolean json;

    /** Whether this command may make the directory's catalogue ({@code add} only). */
    boolean createsDirectory() {
      return false;
    }

    @Override
    public Integer call() {
      if (db == null || db.isBlank()) {
        throw new RestockCli.UsageException("--db DIR|URL is required (or RESTOCK_DB_URL): "
            + "the tenant directory");
      }
      TenantDirectory directory = TenantOption.directory(db, createsDirectory());
      Restock engine;
      try {
        engine = RestockEngine.builder().tenants(directory).discoverPlugins().build();
      } catch (RuntimeException e) {
        directory.close();
        throw e;
      }
      try (engine) {
        run(engine);
      }
      return 0;
    }

    abstract void run(Restock engine);

    /** The system actor as the tool, with {@code reason} when one is given. */
    static Actor actor(String reason) {
      Actor actor = Actor.system().withUserAgent("restock-cli");
      return reason == null ? actor : actor.withReason(reason);
    }

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

  @Command(name = "add", description = "Add a tenant: records it, makes its database (file or "
      + "schema) and migrates it, while other tenants go on being served. Makes the tenant "
      + "directory's catalogue on first use. The new tenant is empty; --admin/--email add its "
      + "first administrator, or use 'restock user add --tenant ID ... --role ADMIN'.")
  static final class Add extends Base {
    @Parameters(index = "0", paramLabel = "ID", description = "The tenant's id: "
        + Tenant.ID_RULE + "; never given again, even once retired.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME",
        description = "Its display name (1 to 200 characters).")
    String name;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the log.")
    String reason;

    @Option(names = "--admin", paramLabel = "USERNAME",
        description = "Also add the tenant's first administrator (needs --email).")
    String admin;

    @Option(names = "--email", paramLabel = "EMAIL",
        description = "The first administrator's e-mail address (with --admin).")
    String email;

    @Override
    boolean createsDirectory() {
      return true;
    }

    @Override
    public Integer call() {
      if ((admin == null) != (email == null)) {
        throw new RestockCli.UsageException("give both --admin and --email, or neither");
      }
      return super.call();
    }

    @Override
    void run(Restock engine) {
      Tenant tenant = engine.tenants().add(actor(reason), new NewTenant(id, name));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("tenant", tenant);
      if (admin != null) {
        // the bootstrap on the new, empty tenant, as 'init --admin' does on a new database
        User user = engine.tenant(id).as(Actor.system().withReason("first administrator")
            .withUserAgent("restock-cli")).users().create(new CreateUser(admin, email,
                Role.ADMIN));
        result.put("administrator", user.username());
      }
      print(result, () -> {
        out().println("added tenant " + tenant.id() + " (" + tenant.name() + ") at "
            + tenant.placement());
        if (admin != null) {
          out().println("first administrator: " + admin);
        }
      });
    }
  }

  @Command(name = "list", description = "Every tenant, active and retired, by id.")
  static final class ListTenants extends Base {
    @Override
    void run(Restock engine) {
      List<Tenant> tenants = engine.tenants().list();
      print(tenants, () -> {
        Table t = new Table("ID", "NAME", "STATUS", "PLACEMENT", "CREATED", "RETIRED");
        tenants.forEach(x -> t.row(x.id(), x.name(), x.status(), x.placement(), x.createdAt(),
            x.retiredAt()));
        t.print(out());
      });
    }
  }

  @Command(name = "retire", description = "Retire a tenant: from then on every command with "
      + "--tenant ID refuses it; its data is kept where it is and its id is never given again.")
  static final class Retire extends Base {
    @Parameters(index = "0", paramLabel = "ID", description = "The tenant to retire.")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
        description = "Why; required, kept in the log.")
    String reason;

    @Override
    void run(Restock engine) {
      Tenant tenant = engine.tenants().retire(actor(null), TenantOption.checkedId(id), reason);
      print(tenant, () -> out().println("retired tenant " + tenant.id() + " (" + tenant.name()
          + ") at " + tenant.retiredAt()));
    }
  }

  @Command(name = "events", description = "The tenant directory's log, oldest first: tenants "
      + "added, retired, moved, and fleet summaries read.")
  static final class Events extends Base {
    @Override
    void run(Restock engine) {
      List<TenantEvent> events = engine.tenants().events(actor(null));
      print(events, () -> {
        Table t = new Table("SEQ", "AT", "ACTION", "TENANT", "ACTOR", "REASON", "DETAIL");
        events.forEach(e -> t.row(e.sequence(), e.at(), e.action(), e.tenantId(), e.actorId(),
            e.reason(), e.detail()));
        t.print(out());
      });
    }
  }

  @Command(name = "summary", description = "The fleet across active tenants: routes, devices "
      + "and open orders of each, read tenant by tenant; recorded in the log.")
  static final class Summary extends Base {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the log.")
    String reason;

    @Override
    void run(Restock engine) {
      FleetSummary summary = engine.tenants().fleetSummary(actor(reason));
      print(summary, () -> {
        Table t = new Table("TENANT", "NAME", "ROUTES", "DEVICES", "OPEN ORDERS");
        summary.tenants().forEach(l -> t.row(l.tenantId(), l.name(), l.routes(), l.devices(),
            l.openOrders()));
        t.print(out());
        out().println("at " + summary.at());
      });
    }
  }
}
