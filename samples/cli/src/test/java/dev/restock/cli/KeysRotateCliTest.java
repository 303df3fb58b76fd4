package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restock keys rotate}: a new master key in the key file, every value re-encrypted. */
class KeysRotateCliTest {
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

  private static Map<String, Long> dataKeys(Path db) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select kek_id, count(*) from subject_key group by kek_id")) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }

  @Test
  void rotationPutsEveryDataKeyUnderTheNewKeyAndTheOldKeyCanBeThrownAway() throws Exception {
    Path db = dir.resolve("r.db");
    Path keys = dir.resolve("r.db.keys");
    ok("demo", "--db", db.toString());
    String emails = JSON.readTree(ok("user", "list", "--db", db.toString(), "--json").out())
        .findValues("email").toString();
    assertThat(dataKeys(db)).containsOnlyKeys("k1");

    ToolRun rotated = ok("keys", "rotate", "--db", db.toString(), "--reason", "yearly",
        "--new-id", "k2", "--batch", "3", "--json");
    JsonNode summary = JSON.readTree(rotated.out());
    assertThat(summary.get("newDataKeys").asInt()).isPositive();
    assertThat(summary.get("rowsReencrypted").asLong()).isPositive();
    assertThat(summary.get("oldDataKeysDeleted").asInt()).isPositive();

    JsonNode status = JSON.readTree(ok("keys", "status", "--db", db.toString(), "--json").out());
    assertThat(status.get("currentKey").asText()).isEqualTo("k2");
    assertThat(status.get("dataKeysPerMasterKey").fieldNames()).toIterable().containsOnly("k2");
    assertThat(dataKeys(db)).containsOnlyKeys("k2");
    assertThat(ok("audit", "verify", "--db", db.toString()).out()).isNotBlank();

    // the old master key removed from the file: the store still opens and reads the same
    Properties entries = new Properties();
    try (var in = Files.newBufferedReader(keys)) {
      entries.load(in);
    }
    assertThat(entries.remove("key.k1")).isNotNull();
    try (var out = Files.newBufferedWriter(keys)) {
      entries.store(out, null);
    }
    assertThat(JSON.readTree(ok("user", "list", "--db", db.toString(), "--json").out())
        .findValues("email").toString()).isEqualTo(emails);
    ok("audit", "verify", "--db", db.toString());
  }

  @Test
  void rotationWithoutAReasonOrWithAnExistingIdIsRefusedAndNothingIsWritten() throws Exception {
    Path db = dir.resolve("r.db");
    Path keys = dir.resolve("r.db.keys");
    ok("demo", "--db", db.toString());
    byte[] before = Files.readAllBytes(keys);
    Map<String, Long> dataKeys = dataKeys(db);

    ToolRun noReason = ToolRun.of("keys", "rotate", "--db", db.toString(), "--new-id", "k2");
    assertThat(noReason.code()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");

    ToolRun existing = ToolRun.of("keys", "rotate", "--db", db.toString(), "--reason", "r",
        "--new-id", "k1");
    assertThat(existing.code()).isEqualTo(2);
    assertThat(existing.err()).contains("k1").contains("exists");

    assertThat(Files.readAllBytes(keys)).isEqualTo(before);
    assertThat(dataKeys(db)).isEqualTo(dataKeys);
  }

  @Test
  void aDefaultIdIsDateBasedProgressGoesToStderrAndResumeFinishesWithoutANewKey()
      throws Exception {
    Path db = dir.resolve("r.db");
    ok("demo", "--db", db.toString());
    ToolRun rotated;
    Progress.forced = true;
    try {
      rotated = ok("keys", "rotate", "--db", db.toString(), "--reason", "yearly");
    } finally {
      Progress.forced = false;
    }
    assertThat(rotated.err()).contains("rotating keys: ");
    assertThat(rotated.out()).contains("values re-encrypted");
    Map<String, Long> after = dataKeys(db);
    assertThat(after).hasSize(1);
    String id = after.keySet().iterator().next();
    assertThat(id).matches("k\\d{14}");

    ToolRun resumed = ok("keys", "rotate", "--db", db.toString(), "--reason", "finish",
        "--resume", "--json");
    JsonNode summary = JSON.readTree(resumed.out());
    assertThat(summary.get("currentKey").asText()).isEqualTo(id);
    assertThat(summary.get("oldDataKeysDeleted").asInt()).isZero();
    assertThat(dataKeys(db)).isEqualTo(after);
  }
}
