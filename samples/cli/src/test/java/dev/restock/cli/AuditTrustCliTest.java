package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13's attacks on a SQLite file, each made with plain SQL as someone with write access to
 * every table would, and what {@code restock audit verify} says about them given a signed
 * checkpoint in an anchor file kept elsewhere; and a proof of one revision checked offline.
 */
class AuditTrustCliTest {
  @TempDir Path dir;
  @TempDir Path vault;

  private Path key;
  private Path pub;
  private Path anchors;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private Path db() {
    return dir.resolve("restock.db");
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db().toString());
    return bare(all.toArray(String[]::new));
  }

  private static Run bare(String... args) {
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run ok(String... args) {
    Run r = run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
    return r;
  }

  /** An administrator, three products and two price changes; a signed, anchored checkpoint. */
  @BeforeEach
  void historyWithAnAnchoredCheckpoint() {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db())).build()) {
      engine.as(Actor.system()).users().create(
          new CreateUser("olga", "olga@example.com", Role.ADMIN));
    }
    ok("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.50");
    ok("product", "add", "--sku", "WATER", "--name", "Water", "--price", "1.00");
    ok("product", "add", "--sku", "CHIPS", "--name", "Chips", "--price", "2.00");
    ok("product", "update", "COLA", "--price", "1.60");
    ok("product", "update", "WATER", "--price", "1.10");
    key = vault.resolve("audit.key");
    pub = vault.resolve("audit.key.pub");
    anchors = vault.resolve("anchors.jsonl");
    Run keygen = bare("audit", "keygen", key.toString());
    assertThat(keygen.code()).as(keygen.err()).isZero();
    Run checkpoint = ok("audit", "checkpoint", "--audit-key", key.toString(), "--anchors",
        anchors.toString());
    assertThat(checkpoint.out()).contains("checkpoint of").contains("signed by");
  }

  private Run verifyWithAnchors(String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "verify", "--anchors",
        anchors.toString(), "--public-key", pub.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.executeUpdate(statement);
      }
    }
  }

  private long number(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void keygenWritesAnOwnerOnlyKeyAndAPublicKeyAndNeverOverwritesThem() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----");
    Run again = bare("audit", "keygen", key.toString());
    assertThat(again.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(again.err()).contains("never overwritten");
    assertThat(number("select count(*) from audit_checkpoint")).isEqualTo(1);
    String keyText = Files.readString(key);
    String privateBody = keyText.lines().skip(1).findFirst().orElseThrow();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
      assertThat(Files.readString(db(), StandardCharsets.ISO_8859_1)).as("no key in the database")
          .doesNotContain(privateBody);
      c.isValid(1);
    }
  }

  @Test
  void anIntactDatabaseVerifiesAgainstItsAnchorsAndWithoutAKeyVerifySaysWhatItCannotProve() {
    Run verified = verifyWithAnchors();
    assertThat(verified.code()).as(verified.err() + verified.out()).isZero();
    assertThat(verified.out()).startsWith("intact:").doesNotContain("BROKEN");

    Run alone = ok("audit", "verify");
    assertThat(alone.out()).startsWith("intact:").contains("no public key: the chain is "
        + "internally consistent, but anyone able to write every table could have recomputed it")
        .contains("no anchors:");
  }

  @Test
  void verifySaysHowFastItVerified() {
    Run alone = ok("audit", "verify");
    assertThat(alone.out()).containsPattern(
        "^intact: \\d+ revisions verified in \\d+\\.\\d s \\(\\d+ revisions/s\\); ");
  }

  @Test
  void nullChainColumnsWithAResetHeadAreABreak() throws Exception {
    sql("update audit_revision set chain_seq = null, prev_hash = null, hash = null",
        "update audit_chain_head set seq = 0, hash = genesis",
        "delete from audit_checkpoint");
    Run verify = verifyWithAnchors();
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(verify.out()).contains("BROKEN").contains("the chain holds only 0");
  }

  @Test
  void aForgedUnchainedRevisionIsABreak() throws Exception {
    long rev = number("select max(id) from audit_revision") + 1;
    String cola = "select id from product where sku = 'COLA'";
    sql("insert into audit_revision (id, revision_time, actor_id, action) values (" + rev
        + ", 1700000000000, '00000000-0000-0000-0000-000000000000', 'product.update')",
        "insert into product_aud (rev, revtype, id, sku, name, price, active, case_pack) "
            + "select " + rev + ", 1, id, sku, name, 0.01, active, case_pack from product "
            + "where sku = 'COLA'",
        "insert into audit_log (revision_id, actor_id, action, resource_type, resource_id, "
            + "created_at) values (" + rev + ", '00000000-0000-0000-0000-000000000000', "
            + "'product.update', 'product', (" + cola + "), '2026-01-01 00:00:00')");
    Run verify = verifyWithAnchors();
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(verify.out()).contains("BROKEN");
  }

  @Test
  void theNewestRevisionDeletedAndTheHeadMovedBackIsABreak() throws Exception {
    long newest = number("select max(id) from audit_revision");
    long seq = number("select chain_seq from audit_revision where id = " + newest);
    sql("delete from product_aud where rev = " + newest,
        "delete from audit_log where revision_id = " + newest,
        "delete from audit_revision where id = " + newest,
        "update audit_chain_head set seq = " + (seq - 1) + ", hash = (select hash from "
            + "audit_revision where chain_seq = " + (seq - 1) + ")",
        "delete from audit_checkpoint");
    Run verify = verifyWithAnchors();
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(verify.out()).contains("BROKEN").contains("anchored checkpoint of size " + seq)
        .contains("the chain holds only " + (seq - 1));
  }

  @Test
  void aMiddleRevisionDeletedAndTheWholeChainRecomputedIsABreakOnlyTheAnchorsCatch()
      throws Exception {
    long middle = number("select id from audit_revision where chain_seq = 3");
    sql("delete from product_aud where rev = " + middle,
        "delete from audit_log where revision_id = " + middle,
        "delete from audit_revision where id = " + middle,
        "delete from audit_checkpoint");
    recomputeTheChainLikeAScriptWould();
    Run alone = run("audit", "verify");
    assertThat(alone.code()).as("without anchors nothing shows: " + alone.out()).isZero();

    Run verify = verifyWithAnchors();
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(verify.out()).contains("BROKEN").contains("anchored checkpoint of size");
  }

  @Test
  void anOrphanAuditEventIsABreak() throws Exception {
    sql("insert into audit_log (revision_id, actor_id, action, resource_type, created_at) "
        + "values (999999, '00000000-0000-0000-0000-000000000000', 'product.delete', "
        + "'product', '2026-01-01 00:00:00')");
    Run verify = verifyWithAnchors();
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(verify.out()).contains("BROKEN");
  }

  @Test
  void aLiveRowEditedBySqlIsListedWithLive() throws Exception {
    sql("update product set price = 0.01 where sku = 'COLA'");
    Run verify = verifyWithAnchors("--live");
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(verify.out()).contains("DRIFT").contains("price").contains("0.01");
  }

  @Test
  void aProofOfOneRevisionChecksOfflineAndFailsAfterAnyOfSeveralBytesChange() throws Exception {
    long rev = number("select max(rev) from product_aud");
    Path proof = vault.resolve("proof.json");
    Run prove = ok("audit", "prove", Long.toString(rev), "--out", proof.toString());
    assertThat(prove.out()).contains("revision " + rev);
    assertThat(Files.size(proof)).isBetween(200L, 8192L);
    Files.delete(db()); // offline: no database at all

    Run valid = bare("audit", "check-proof", proof.toString(), "--public-key", pub.toString());
    assertThat(valid.code()).as(valid.err()).isZero();
    assertThat(valid.out()).contains("valid").contains("revision " + rev);

    byte[] original = Files.readAllBytes(proof);
    int[] positions = {0, 10, original.length / 5, original.length / 3, original.length / 2,
        2 * original.length / 3, original.length - 40, original.length - 3, original.length - 1};
    for (int position : positions) {
      byte[] changed = original.clone();
      changed[position] ^= 0x01;
      Path altered = vault.resolve("altered-" + position + ".json");
      Files.write(altered, changed);
      Run check = bare("audit", "check-proof", altered.toString(), "--public-key",
          pub.toString());
      assertThat(check.code()).as("byte %d changed: %s", position, check.out())
          .isEqualTo(RestockCli.AUDIT_BROKEN);
      assertThat(check.err()).as("byte %d", position).startsWith("INVALID");
    }
  }

  @Test
  void consistencyExportAndACheckpointPerCommandRoundTrip() throws Exception {
    long first = number("select max(tree_size) from audit_checkpoint");
    ok("product", "update", "CHIPS", "--price", "2.10");
    ok("audit", "checkpoint", "--audit-key", key.toString(), "--anchors", anchors.toString());
    long second = number("select max(tree_size) from audit_checkpoint");
    assertThat(second).isGreaterThan(first);
    Path proof = vault.resolve("consistency.json");
    ok("audit", "consistency", Long.toString(first), Long.toString(second), "--out",
        proof.toString());
    Run check = bare("audit", "check-proof", proof.toString(), "--public-key", pub.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("consistent");

    Path exported = vault.resolve("exported.jsonl");
    ok("audit", "export-checkpoints", "--out", exported.toString());
    assertThat(Files.readAllLines(exported)).hasSize(2);
    assertThat(Files.readAllLines(anchors)).isEqualTo(Files.readAllLines(exported));

    // a write command given the key and the anchors leaves a checkpoint of its change
    ok("product", "update", "CHIPS", "--price", "2.20", "--audit-key", key.toString(),
        "--anchors", anchors.toString());
    assertThat(Files.readAllLines(anchors)).hasSize(3);
    assertThat(number("select max(tree_size) from audit_checkpoint")).isGreaterThan(second);
    assertThat(verifyWithAnchors().code()).isZero();

    Run inside = run("audit", "checkpoint", "--anchors", dir.resolve("a.jsonl").toString());
    assertThat(inside.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(inside.err()).contains("inside the database's directory");
  }

  /**
   * What someone who read the store's code could script: renumber the chain after the gap and
   * rewrite every hash from the content the store now recomputes.
   */
  private void recomputeTheChainLikeAScriptWould() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      List<Long> ids = new ArrayList<>();
      try (ResultSet r = s.executeQuery(
          "select id from audit_revision where chain_seq is not null order by chain_seq")) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "update audit_revision set chain_seq = ? where id = ?")) {
        for (int i = 0; i < ids.size(); i++) {
          p.setLong(1, i + 1);
          p.setLong(2, ids.get(i));
          p.executeUpdate();
        }
      }
      s.executeUpdate("update audit_chain_head set seq = " + ids.size());
    }
    List<ChainedRevision> chain = new ArrayList<>();
    try (Store store = JpaStores.sqlite(db()).open()) {
      store.transactions().read(() -> {
        store.history().chained(1, Long.MAX_VALUE, chain::add);
        return null;
      });
      String genesis = store.transactions().read(() -> store.history().chainHead().genesis());
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
          PreparedStatement p = c.prepareStatement(
              "update audit_revision set prev_hash = ?, hash = ? where id = ?")) {
        String previous = genesis;
        for (ChainedRevision r : chain) {
          MessageDigest d = MessageDigest.getInstance("SHA-256");
          d.update(r.content().getBytes(StandardCharsets.UTF_8));
          d.update(("\nP|" + previous).getBytes(StandardCharsets.UTF_8));
          String hash = HexFormat.of().formatHex(d.digest());
          p.setString(1, previous);
          p.setString(2, hash);
          p.setLong(3, r.revisionId());
          p.executeUpdate();
          previous = hash;
        }
        try (PreparedStatement h = c.prepareStatement(
            "update audit_chain_head set hash = ? where id = 1")) {
          h.setString(1, previous);
          h.executeUpdate();
        }
      }
    }
  }
}
