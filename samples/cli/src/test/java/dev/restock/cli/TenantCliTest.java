package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants in the tool on a SQLite tenant directory (a file per tenant): the tenant commands,
 * {@code --tenant} on the data commands, migrations across tenants with one failing, and backup
 * and restore of one tenant. Each run is checked in the databases afterwards.
 */
class TenantCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @BeforeEach
  void aTenantDirectoryPath() {
    dir = tmp.resolve("fleet");
  }

  private ToolRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(dir.toString());
    return ToolRun.of(all);
  }

  private ToolRun ok(String... args) {
    ToolRun run = run(args);
    assertThat(run.code()).as(run.toString()).isZero();
    return run;
  }

  private void tenantWithAdmin(String id) {
    ok("tenant", "add", id, "--name", "Operator " + id, "--admin", "ada", "--email",
        "ada@" + id + ".example");
  }

  private long rows(String tenant, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(tenant + ".db"));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void execute(Path file, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private JsonNode json(ToolRun run) throws Exception {
    return JSON.readTree(run.out());
  }

  private List<String> skus(String tenant) throws Exception {
    List<String> skus = new ArrayList<>();
    json(ok("product", "list", "--tenant", tenant, "--json")).get("items")
        .forEach(p -> skus.add(p.get("sku").asText() + "/" + p.get("name").asText()));
    return skus;
  }

  @Test
  void tenantsAreAddedListedRetiredLoggedAndSummed() throws Exception {
    ToolRun add = ok("tenant", "add", "acme", "--name", "Acme Vending", "--reason",
        "new customer");
    assertThat(add.out()).contains("added tenant acme (Acme Vending) at local");
    assertThat(dir.resolve("tenants.db")).isRegularFile();
    assertThat(dir.resolve("acme.db")).isRegularFile();
    tenantWithAdmin("bravo");
    ok("route", "add", "--tenant", "bravo", "--code", "R1", "--name", "North");

    JsonNode list = json(ok("tenant", "list", "--json"));
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo("acme");
    assertThat(list.get(1).get("status").asText()).isEqualTo("ACTIVE");

    ToolRun summary = ok("tenant", "summary", "--json");
    JsonNode lines = json(summary).get("tenants");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).get("tenantId").asText()).isEqualTo("bravo");
    assertThat(lines.get(1).get("routes").asLong()).isEqualTo(1);
    assertThat(lines.get(0).get("routes").asLong()).isZero();

    ToolRun noReason = run("tenant", "retire", "acme");
    assertThat(noReason.code()).as(noReason.toString()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(noReason.err()).contains("--reason");
    ok("tenant", "retire", "acme", "--reason", "contract ended");
    assertThat(ok("tenant", "list").out()).containsPattern("acme +Acme Vending +RETIRED")
        .containsPattern("bravo +Operator bravo +ACTIVE");
    ToolRun again = run("tenant", "retire", "acme", "--reason", "twice");
    assertThat(again.code()).as(again.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);

    JsonNode events = json(ok("tenant", "events", "--json"));
    List<String> actions = new ArrayList<>();
    events.forEach(e -> actions.add(e.get("action").asText() + " " + e.get("tenantId").asText()));
    assertThat(actions).contains("tenant.add acme", "tenant.add bravo", "tenant.retire acme");
    assertThat(events.get(0).get("reason").asText()).isEqualTo("new customer");
    assertThat(ok("tenant", "events").out()).contains("contract ended");
  }

  @Test
  void aBadTenantIsRefusedNamingEveryProblemAndNothingIsWritten() throws Exception {
    ok("tenant", "add", "acme", "--name", "Acme");
    ToolRun bad = run("tenant", "add", "Bad-Id", "--name", " ", "--json");
    assertThat(bad.code()).as(bad.toString()).isEqualTo(RestockCli.BAD_INPUT);
    JsonNode problems = JSON.readTree(bad.err()).get("error").get("problems");
    List<String> fields = new ArrayList<>();
    problems.forEach(p -> fields.add(p.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("id", "name");
    assertThat(json(ok("tenant", "list", "--json"))).hasSize(1);
    assertThat(json(ok("tenant", "events", "--json"))).hasSize(1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.toLowerCase().startsWith("bad"));
    }
    ToolRun taken = run("tenant", "add", "acme", "--name", "Again");
    assertThat(taken.code()).as(taken.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
  }

  @Test
  void theSameSkuInTwoTenantsIsTwoProductsEachSeenOnlyByItsTenant() throws Exception {
    tenantWithAdmin("a");
    tenantWithAdmin("b");
    ok("product", "add", "--tenant", "a", "--sku", "COLA", "--name", "Cola of A", "--price",
        "1.50");
    ok("product", "add", "--tenant", "b", "--sku", "COLA", "--name", "Cola of B", "--price",
        "1.60");
    ok("product", "add", "--tenant", "b", "--sku", "WATER", "--name", "Water", "--price", "1");
    assertThat(skus("a")).containsExactly("COLA/Cola of A");
    assertThat(skus("b")).containsExactlyInAnyOrder("COLA/Cola of B", "WATER/Water");
    assertThat(rows("a", "select count(*) from product")).isEqualTo(1);
    assertThat(rows("b", "select count(*) from product")).isEqualTo(2);
  }

  @Test
  void unknownAndRetiredTenantsAreRefusedAndNothingIsWritten() throws Exception {
    tenantWithAdmin("a");
    tenantWithAdmin("c");
    ok("tenant", "retire", "c", "--reason", "gone");
    long events = json(ok("tenant", "events", "--json")).size();

    ToolRun unknown = run("product", "add", "--tenant", "ghost", "--sku", "X", "--name", "X",
        "--price", "1");
    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(unknown.err()).contains("tenant not found: ghost");
    assertThat(dir.resolve("ghost.db")).doesNotExist();

    ToolRun retired = run("product", "add", "--tenant", "c", "--sku", "X", "--name", "X",
        "--price", "1");
    assertThat(retired.code()).as(retired.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(retired.err()).contains("tenant 'c' is retired");
    assertThat(rows("c", "select count(*) from product")).isZero();

    ToolRun malformed = run("product", "list", "--tenant", "No-Such");
    assertThat(malformed.code()).as(malformed.toString()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(malformed.err()).contains("a tenant id is 1 to 30 characters");

    ToolRun viaEnvLikeDefault = run("backup", "--tenant", "ghost", "--to",
        tmp.resolve("bk").toString());
    assertThat(viaEnvLikeDefault.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(tmp.resolve("bk")).doesNotExist();
    // reading the log is itself recorded (tenant.events); the refusals recorded nothing
    JsonNode after = json(ok("tenant", "events", "--json"));
    assertThat(after.size()).isEqualTo(events + 1);
    assertThat(after.get(after.size() - 1).get("action").asText()).isEqualTo("tenant.events");
    assertThat(rows("a", "select count(*) from product")).isZero();
  }

  @Test
  void aTenantDirectoryAndADatabaseFileAreNotMistakenForEachOther() throws Exception {
    tenantWithAdmin("a");
    ToolRun withoutTenant = run("product", "list");
    assertThat(withoutTenant.code()).as(withoutTenant.toString()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(withoutTenant.err()).contains("is a tenant directory: add --tenant ID");
    ToolRun migrate = run("migrate", "status");
    assertThat(migrate.err()).contains("is a tenant directory: add --tenant ID");
    ToolRun backup = run("backup", "--to", tmp.resolve("bk").toString());
    assertThat(backup.err()).contains("is a tenant directory: add --tenant ID");

    Path file = tmp.resolve("single.db");
    ToolRun init = ToolRun.of("init", "--db", file.toString());
    assertThat(init.code()).as(init.toString()).isZero();
    ToolRun fileWithTenant = ToolRun.of("product", "list", "--db", file.toString(), "--tenant",
        "a");
    assertThat(fileWithTenant.code()).as(fileWithTenant.toString())
        .isEqualTo(RestockCli.BAD_INPUT);
    assertThat(fileWithTenant.err()).contains("is a database file; with --tenant, --db names a "
        + "tenant directory");

    ToolRun memory = ToolRun.of("product", "list", "--db", "memory", "--tenant", "a");
    assertThat(memory.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(memory.err()).contains("nothing would persist");
    ToolRun missing = ToolRun.of("product", "list", "--db", tmp.resolve("none").toString(),
        "--tenant", "a");
    assertThat(missing.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(missing.err()).contains("no tenant directory at");
    assertThat(tmp.resolve("none")).doesNotExist();
    ToolRun init2 = run("init", "--tenant", "a");
    assertThat(init2.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(init2.err()).contains("'restock tenant add a");
  }

  /** Undoes the newest migration (V8) by hand: its tables, columns, indexes and history row. */
  private void unapplyTheNewestMigration(String tenant) throws SQLException {
    execute(dir.resolve(tenant + ".db"),
        "drop index ux_app_user_email_hmac", "alter table app_user drop column email_hmac",
        "alter table location drop column address_hmac", "drop table erased_subject",
        "drop index ix_subject_key_subject", "drop table subject_key",
        "delete from restock_schema_history where version = '8'");
  }

  @Test
  void migrationsRunAcrossTenantsAndAFailingTenantIsLeftAsItWasWhileTheOthersGoOn()
      throws Exception {
    tenantWithAdmin("a");
    tenantWithAdmin("b");
    tenantWithAdmin("c");
    ok("product", "add", "--tenant", "b", "--sku", "COLA", "--name", "Cola", "--price", "1");
    unapplyTheNewestMigration("a");
    unapplyTheNewestMigration("c");
    // b forgets it applied V8 but keeps its tables: applying V8 again must fail there
    execute(dir.resolve("b.db"), "delete from restock_schema_history where version = '8'");

    ToolRun status = ok("migrate", "status", "--all-tenants");
    assertThat(status.out()).containsPattern("a +7 +1 \\(V8\\)")
        .containsPattern("b +7 +1 \\(V8\\)").containsPattern("c +7 +1 \\(V8\\)");

    Path backups = tmp.resolve("backups");
    ToolRun apply = run("migrate", "apply", "--all-tenants", "--backup-dir",
        backups.toString());
    assertThat(apply.code()).as(apply.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(apply.out()).containsPattern("a +ok +7 +8 +1")
        .containsPattern("b +FAILED").containsPattern("c +ok +7 +8 +1")
        .contains("2 of 3 tenant(s) migrated or up to date; failed, each left as it was: b");
    assertThat(apply.err()).contains("error: tenant b: migrating")
        .contains("subject_key");
    for (String tenant : List.of("a", "b", "c")) {
      try (Stream<Path> files = Files.list(backups.resolve(tenant))) {
        assertThat(files.filter(p -> p.toString().endsWith(".json")).count())
            .as("pre-migration backup of " + tenant).isEqualTo(1);
      }
    }

    JsonNode after = json(ok("migrate", "status", "--all-tenants", "--json"));
    assertThat(after).hasSize(3);
    assertThat(after.get(0).get("schemaVersion").asText()).isEqualTo("8");
    assertThat(after.get(0).get("pending")).isEmpty();
    assertThat(after.get(1).get("schemaVersion").asText()).isEqualTo("7");
    assertThat(after.get(1).get("pending").get(0).asText()).isEqualTo("8");
    assertThat(after.get(2).get("schemaVersion").asText()).isEqualTo("8");
    assertThat(rows("b", "select count(*) from product")).isEqualTo(1);
    assertThat(rows("b", "select count(*) from restock_schema_history where version = '8'"))
        .isZero();
    assertThat(rows("a", "select count(*) from subject_key")).isZero();

    ToolRun one = ok("migrate", "status", "--tenant", "a");
    assertThat(one.out()).contains("schema version 8").contains("no pending migrations");
    ToolRun both = run("migrate", "status", "--tenant", "a", "--all-tenants");
    assertThat(both.code()).isEqualTo(RestockCli.BAD_INPUT);
  }

  @Test
  void oneTenantIsBackedUpAndRestoredWhileTheOtherIsUntouched() throws Exception {
    tenantWithAdmin("a");
    tenantWithAdmin("b");
    ok("product", "add", "--tenant", "a", "--sku", "COLA", "--name", "Cola", "--price", "1");
    ok("product", "add", "--tenant", "b", "--sku", "TEA", "--name", "Tea", "--price", "1");
    Path backups = tmp.resolve("backups");
    JsonNode info = json(ok("backup", "--tenant", "a", "--to", backups.toString(), "--json"));
    Path file = Path.of(info.get("file").asText());
    assertThat(file.getParent()).isEqualTo(backups.resolve("a"));
    ToolRun listed = ToolRun.of("backup", "list", "--dir", backups.toString(), "--tenant", "a");
    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains(file.getFileName().toString());

    ok("product", "add", "--tenant", "a", "--sku", "LATER", "--name", "Later", "--price", "1");
    ok("product", "add", "--tenant", "b", "--sku", "COFFEE", "--name", "Coffee", "--price",
        "1");
    ToolRun restore = ok("restore", "--from", file.toString(), "--tenant", "a",
        "--allow-unsigned");
    assertThat(restore.out()).contains("into tenant a of").contains("history chain intact");

    assertThat(skus("a")).containsExactly("COLA/Cola");
    assertThat(skus("b")).containsExactlyInAnyOrder("TEA/Tea", "COFFEE/Coffee");
    ok("tenant", "retire", "b", "--reason", "gone");
    ToolRun retired = run("restore", "--from", file.toString(), "--tenant", "b",
        "--allow-unsigned");
    assertThat(retired.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(rows("b", "select count(*) from product")).isEqualTo(2);
  }
}
