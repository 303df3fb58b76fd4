package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.core.audit.KeyFileSigner;
import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The backup and restore commands with the audit key: signed, verified, refused, pruned. */
class BackupCliTest {
  @TempDir Path dir;
  private Path db;
  private Path backups;
  private Path key;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @BeforeEach
  void aDatabaseWithOneProductAndAnAuditKey() throws Exception {
    db = dir.resolve("restock.db");
    backups = dir.resolve("backups");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    }
    key = writeKeyPair(dir.resolve("audit.pem"));
  }

  /** A key file as 'restock audit keygen' writes it. */
  static Path writeKeyPair(Path file) {
    KeyFileSigner.generate(file);
    return file;
  }

  private static Run exec(String... args) {
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path signedBackup() throws Exception {
    Run backup = exec("backup", "--db", db.toString(), "--to", backups.toString(),
        "--audit-key", key.toString(), "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    var info = new ObjectMapper().readTree(backup.out());
    assertThat(info.get("keyId").asText()).hasSize(16);
    assertThat(info.get("signature").asText()).isNotBlank();
    return Path.of(info.get("file").asText());
  }

  @Test
  void aSignedBackupRestoresWithTheAuditKeyAndIsRefusedWithoutIt() throws Exception {
    Path file = signedBackup();
    Path target = dir.resolve("restored.db");

    Run refused = exec("restore", "--from", file.toString(), "--db", target.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("no public key").contains("--audit-key");
    assertThat(target).doesNotExist();

    Run restored = exec("restore", "--from", file.toString(), "--db", target.toString(),
        "--audit-key", key.toString());
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("signature verified (key ")
        .contains("history chain intact: ").doesNotContain("WARNING");
    assertThat(exec("product", "show", "COLA", "--db", target.toString()).code()).isZero();
  }

  @Test
  void aBackupWithAlteredContentIsRefusedEvenWithItsChecksumUpdated() throws Exception {
    Path file = signedBackup();
    Path json = file.resolveSibling(file.getFileName() + ".json");
    // another database's backup content under this backup's name, checksum and size updated
    Path other = dir.resolve("other.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(other)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("EVIL", "Evil", "X", BigDecimal.ONE, 1));
    }
    Run otherBackup = exec("backup", "--db", other.toString(), "--to",
        dir.resolve("elsewhere").toString(), "--json");
    var forged = new ObjectMapper().readTree(otherBackup.out());
    Files.copy(Path.of(forged.get("file").asText()), file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var meta = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
        json.toFile());
    meta.put("sha256", forged.get("sha256").asText());
    meta.put("bytes", forged.get("bytes").asLong());
    meta.set("rowCounts", forged.get("rowCounts"));
    new ObjectMapper().writeValue(json.toFile(), meta);
    Path target = dir.resolve("restored.db");

    Run refused = exec("restore", "--from", file.toString(), "--db", target.toString(),
        "--audit-key", key.toString());

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("does not verify");
    assertThat(target).doesNotExist();
  }

  @Test
  void pruneFromTheToolTouchesNothingOutsideTheFolderAndReportsBadMetadata() throws Exception {
    signedBackup();
    Path victim = dir.resolve("victim.txt");
    Files.writeString(victim, "precious");
    Files.writeString(backups.resolve("restock-sqlite-20200101-000000-000.db.gz.json"),
        "{\"file\":\"../victim.txt\",\"takenAt\":\"2020-01-01T00:00:00Z\",\"database\":"
            + "\"SQLITE\",\"source\":\"x\",\"rowCounts\":{},\"sha256\":\"0\",\"bytes\":1}");

    Run list = exec("backup", "list", "--dir", backups.toString());
    Run prune = exec("backup", "prune", "--dir", backups.toString(), "--keep-days", "0");

    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.err()).contains("warning: skipped").contains("../victim.txt");
    assertThat(prune.code()).as(prune.err()).isZero();
    assertThat(prune.out()).contains("deleted 0 backup(s)");
    assertThat(prune.err()).contains("warning: skipped");
    assertThat(victim).hasContent("precious");
  }

  @Test
  void aKeyWhosePublicHalfDoesNotMatchIsRefused() throws Exception {
    // the key file's own private key with another key's public key in place of its own
    Path other = writeKeyPair(dir.resolve("other.pem"));
    String mine = Files.readString(key);
    String theirs = Files.readString(other);
    String publicBlock = "-----BEGIN PUBLIC KEY-----";
    Files.writeString(key, mine.substring(0, mine.indexOf(publicBlock))
        + theirs.substring(theirs.indexOf(publicBlock)));

    Run backup = exec("backup", "--db", db.toString(), "--to", backups.toString(),
        "--audit-key", key.toString());

    assertThat(backup.code()).isEqualTo(2);
    assertThat(backup.err()).contains("does not belong to its private key");
    assertThat(new ArrayList<>(List.of(backups.toFile().exists()))).containsExactly(false);
  }
}
