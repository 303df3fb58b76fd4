package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys in the tool: the key file beside a SQLite database, made by {@code demo}/{@code init};
 * {@code --keys}; {@code keys init} and {@code keys status}; and the README's main command,
 * {@code restock demo}, leaving no email, address or note in plain text in the database file
 * or in a backup.
 */
class KeysCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private static ToolRun ok(String... args) {
    ToolRun run = ToolRun.of(args);
    assertThat(run.code()).as(run.toString()).isZero();
    return run;
  }

  private static byte[] bytesOf(Path... files) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Path file : files) {
      if (Files.exists(file)) {
        all.write(Files.readAllBytes(file));
      }
    }
    return all.toByteArray();
  }

  private static byte[] atRest(Path db) throws Exception {
    return bytesOf(db, db.resolveSibling(db.getFileName() + "-wal"),
        db.resolveSibling(db.getFileName() + "-shm"));
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Every text of the JSON list under {@code field} of each item. */
  private static List<String> texts(String json, String field) throws Exception {
    JsonNode root = JSON.readTree(json);
    JsonNode items = root.has("items") ? root.get("items") : root;
    List<String> values = new ArrayList<>();
    items.forEach(item -> values.add(item.get(field).asText()));
    return values;
  }

  @Test
  void theDemoOnANewSqliteFileEncryptsEveryEmailAddressAndNoteInTheFileAndInABackup()
      throws Exception {
    Path db = dir.resolve("restock.db");
    Path keys = dir.resolve("restock.db.keys");

    ToolRun demo = ok("demo", "--db", db.toString());
    assertThat(keys).exists();
    assertThat(demo.err()).contains("created key file " + keys.toAbsolutePath())
        .contains("apart from the database and its backups");

    // the personal data the demo wrote, read back through the tool with the keys beside it
    List<String> secrets = new ArrayList<>();
    secrets.addAll(texts(ok("user", "list", "--db", db.toString(), "--json").out(), "email"));
    secrets.addAll(texts(ok("location", "list", "--db", db.toString(), "--json").out(),
        "address"));
    secrets.add(DemoCommand.VISIT_NOTE);
    assertThat(secrets).contains("admin@restock.example", "driver@restock.example",
        "1 Station Sq");
    String order = ok("order", "list", "--db", db.toString(), "--json").out();
    String number = JSON.readTree(order).get("items").get(0).get("number").asText();
    assertThat(ok("order", "show", number, "--db", db.toString(), "--json").out())
        .contains(DemoCommand.VISIT_NOTE);

    Path backups = dir.resolve("backups");
    ok("backup", "--db", db.toString(), "--to", backups.toString());
    byte[] rest = atRest(db);
    assertThat(contains(rest, "DEMO-COLA")).as("a plain field is found at rest").isTrue();
    List<Path> files;
    try (Stream<Path> listing = Files.list(backups)) {
      files = listing.filter(p -> p.toString().endsWith(".gz")).toList();
    }
    assertThat(files).hasSize(1);
    byte[] backup;
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(files.get(0)))) {
      backup = in.readAllBytes();
    }
    assertThat(contains(backup, "DEMO-COLA")).as("a plain field is found in the backup").isTrue();
    for (String secret : secrets) {
      assertThat(contains(rest, secret)).as(secret + " in the database file").isFalse();
      assertThat(contains(backup, secret)).as(secret + " in the backup").isFalse();
    }

    // without its key file the tool refuses the database, saying what it needs
    Files.move(keys, dir.resolve("elsewhere.keys"));
    ToolRun refused = ToolRun.of("user", "list", "--db", db.toString());
    assertThat(refused.code()).as(refused.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(refused.err()).contains("holds encrypted personal data")
        .contains("--keys FILE").contains(keys.toString());
    assertThat(refused.out()).isEmpty();
    // and it does not make a new key file for an existing database
    ToolRun demoAgain = ToolRun.of("demo", "--db", db.toString());
    assertThat(demoAgain.code()).as(demoAgain.toString())
        .isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(keys).doesNotExist();

    // --keys gives it back
    assertThat(ok("user", "list", "--db", db.toString(), "--keys",
        dir.resolve("elsewhere.keys").toString()).out()).contains("driver@restock.example");
  }

  @Test
  void anExistingDatabaseWithoutAKeyFileKeepsWorkingPlain() throws Exception {
    Path db = dir.resolve("plain.db");
    ok("init", "--db", db.toString());
    Files.delete(dir.resolve("plain.db.keys")); // a database made before the tool had keys
    ok("user", "add", "--db", db.toString(), "--username", "ada", "--email", "ada@example.com",
        "--role", "ADMIN");
    assertThat(ok("user", "list", "--db", db.toString()).out()).contains("ada@example.com");
    assertThat(dir.resolve("plain.db.keys")).doesNotExist();
    assertThat(contains(atRest(db), "ada@example.com")).as("stored plain, as before").isTrue();
    assertThat(ok("keys", "status", "--db", db.toString()).out())
        .contains("keys: none").contains("data keys: none");
  }

  @Test
  void keysInitOnAPlainDatabaseSealsItsLiveValuesAtTheNextOpenOnceAndStatusCountsPlainHistory()
      throws Exception {
    Path db = dir.resolve("older.db");
    ok("init", "--db", db.toString());
    Files.delete(dir.resolve("older.db.keys")); // a database made before the tool had keys
    ok("user", "add", "--db", db.toString(), "--username", "ada", "--email", "ada@example.com",
        "--role", "ADMIN");

    ok("keys", "init", "--db", db.toString());
    ToolRun first = ok("user", "list", "--db", db.toString());
    assertThat(first.out()).contains("ada@example.com");
    assertThat(first.err().lines().filter(l -> l.startsWith("sealed ")).toList())
        .containsExactly("sealed 1 plain personal value(s) written before the keys were turned "
            + "on (one revision, keys.seal-existing); history rows keep their plain values");
    ToolRun second = ok("user", "list", "--db", db.toString());
    assertThat(second.err()).doesNotContain("sealed ");
    assertThat(ok("audit", "verify", "--db", db.toString()).code()).isZero();
    JsonNode status = JSON.readTree(ok("keys", "status", "--db", db.toString(), "--json").out());
    assertThat(status.get("plainValuesInHistory").asLong()).isEqualTo(1);
    assertThat(ok("keys", "status", "--db", db.toString()).out())
        .contains("plain values in history: 1");
  }

  @Test
  void aPlainValueStartingWithALowerCaseEnc1IsSealedAtOpenAndCountedInHistory()
      throws Exception {
    Path db = dir.resolve("lower.db");
    ok("init", "--db", db.toString());
    Files.delete(dir.resolve("lower.db.keys"));
    // SQLite's like ignores case: 'enc1.%' matched it, so it was never sealed nor counted
    ok("user", "add", "--db", db.toString(), "--username", "bob", "--email",
        "enc1.bob@example.com", "--role", "ADMIN");
    ok("keys", "init", "--db", db.toString());
    ToolRun first = ok("user", "list", "--db", db.toString());
    assertThat(first.out()).contains("enc1.bob@example.com");
    assertThat(first.err()).contains("sealed 1 plain personal value(s)");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.ResultSet r = c.createStatement().executeQuery(
            "select email, email_hmac from app_user where username = 'bob'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).startsWith("ENC1.");
      assertThat(r.getString(2)).isNotNull();
    }
    JsonNode status = JSON.readTree(ok("keys", "status", "--db", db.toString(), "--json").out());
    assertThat(status.get("plainValuesInHistory").asLong()).isEqualTo(1);
  }

  @Test
  void statusFailsRatherThanCountNoPlainHistoryWhenTheCountFails() throws Exception {
    Path db = dir.resolve("broken.db");
    ok("init", "--db", db.toString());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.createStatement().execute("alter table service_visit_aud drop column notes");
    }
    ToolRun status = ToolRun.of("keys", "status", "--db", db.toString(), "--json");
    assertThat(status.code()).as(status.toString()).isNotZero();
    assertThat(status.err()).contains("cannot count the plain values in the history")
        .contains("notes");
  }

  @Test
  void keysInitWritesAKeyFileOnceAndStatusCountsTheDataKeysPerMasterKey() throws Exception {
    Path db = dir.resolve("ops.db");
    Path keys = dir.resolve("secret").resolve("ops.keys");
    Files.createDirectories(keys.getParent());

    ToolRun made = ok("keys", "init", "--db", db.toString(), "--keys", keys.toString(),
        "--id", "2026-12");
    assertThat(made.out()).contains("created key file " + keys).contains("2026-12");
    assertThat(made.err()).contains("apart from the database and its backups");
    String content = Files.readString(keys);

    ToolRun again = ToolRun.of("keys", "init", "--db", db.toString(), "--keys", keys.toString());
    assertThat(again.code()).as(again.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(again.err()).contains("exists already at " + keys).contains("never overwritten");
    assertThat(Files.readString(keys)).isEqualTo(content);

    ok("init", "--db", db.toString(), "--keys", keys.toString(), "--admin", "ada", "--email",
        "ada@example.com");
    assertThat(dir.resolve("ops.db.keys")).as("--keys wins over the default").doesNotExist();
    ok("user", "add", "--db", db.toString(), "--keys", keys.toString(), "--username", "dave",
        "--email", "dave@example.com", "--role", "DRIVER");
    assertThat(contains(atRest(db), "dave@example.com")).isFalse();

    ToolRun status = ok("keys", "status", "--db", db.toString(), "--keys", keys.toString(),
        "--json");
    JsonNode s = JSON.readTree(status.out());
    assertThat(s.get("currentKey").asText()).isEqualTo("2026-12");
    assertThat(s.get("masterKeys").toString()).isEqualTo("[\"2026-12\"]");
    // one data key per user, one for the store's own fields (none written yet)
    assertThat(s.get("dataKeysPerMasterKey").get("2026-12").asLong()).isEqualTo(2);
    assertThat(s.get("missingMasterKeys").size()).isZero();
    assertThat(ok("keys", "status", "--db", db.toString(), "--keys", keys.toString()).out())
        .contains("current master key: 2026-12").contains("MASTER KEY").contains("2026-12");
  }

  @Test
  void aMissingOrBadKeyFileIsRefusedAndNothingIsWritten() throws Exception {
    Path db = dir.resolve("restock.db");
    ok("init", "--db", db.toString());
    byte[] before = atRest(db);

    ToolRun missing = ToolRun.of("user", "add", "--db", db.toString(), "--keys",
        dir.resolve("nope.keys").toString(), "--username", "x", "--email", "x@example.com",
        "--role", "ADMIN");
    assertThat(missing.code()).as(missing.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(missing.err()).contains("no key file at " + dir.resolve("nope.keys"));

    Path bad = dir.resolve("bad.keys");
    Files.writeString(bad, "current=k9\nkey.k1=AAAA\n");
    ToolRun refused = ToolRun.of("user", "add", "--db", db.toString(), "--keys", bad.toString(),
        "--username", "x", "--email", "x@example.com", "--role", "ADMIN");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(refused.err()).contains("key.k1 must be 32 bytes")
        .contains("current key 'k9' has no key.k9 entry").contains("missing index");

    ToolRun server = ToolRun.of("keys", "init", "--db", "postgresql://127.0.0.1/test");
    assertThat(server.code()).as(server.toString()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(server.err()).contains("--keys FILE is required for a server database");

    ToolRun tenant = ToolRun.of("user", "list", "--db", dir.toString(), "--tenant", "t1",
        "--keys", dir.resolve("restock.db.keys").toString());
    assertThat(tenant.code()).as(tenant.toString()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(tenant.err()).contains("--tenant");

    assertThat(ok("user", "list", "--db", db.toString()).out()).doesNotContain("x@example.com");
    assertThat(before).isNotEmpty();
  }
}
