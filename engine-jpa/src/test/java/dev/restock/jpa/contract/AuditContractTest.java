package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.AuditContract;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The TCK's audit contract on each database, which also checks rows behind the engine, plus what
 * only a database can show: the hash chain names the revision whose rows were altered with SQL.
 */
abstract class AuditContractTest extends AuditContract {
  /** Tables the suite may ask about (constants, never input). */
  private static final Set<String> TABLES = Set.of("product", "location", "device", "cabinet",
      "planogram", "slot", "audit_revision");
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(EnginePlugin plugin) {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).plugin(plugin).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected OptionalLong rowCount(String table) {
    return OptionalLong.of(count(table));
  }

  @Override
  protected Optional<Boolean> rowDeleted(String table, UUID id) {
    known(table);
    try (Connection c = db.connect();
        var p = c.prepareStatement("select deleted_at from " + table + " where id = ?")) {
      p.setString(1, id.toString());
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).as("%s %s exists", table, id).isTrue();
        return Optional.of(r.getObject(1) != null);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verifyNamesTheFirstRevisionWhoseAuditRowsWereAltered() throws Exception {
    Fleet f = EngineFixture.fleet(session());
    session().products().update(f.cola().id(), new UpdateProduct(null, null, null,
        new BigDecimal("2.00"), null, null));
    session().products().update(f.water().id(), new UpdateProduct(null, "Still water", null, null,
        null, null));
    ChainVerification clean = session().history().verify();
    assertThat(clean.intact()).as("%s", clean.problem()).isTrue();
    assertThat(clean.checked()).isEqualTo(count("audit_revision"));

    long colaUpdate = session().history().history(AuditedType.PRODUCT, f.cola().id()).get(1).info()
        .number();
    execute("update product_aud set price = 0.01 where rev = " + colaUpdate);

    ChainVerification tampered = session().history().verify();
    assertThat(tampered.intact()).isFalse();
    assertThat(tampered.firstBroken()).contains(colaUpdate);
    assertThat(tampered.problem().orElseThrow()).contains("revision " + colaUpdate);
  }

  @Test
  void verifyNoticesAlteredRevisionsAndRemovedEvents() throws Exception {
    Fleet f = EngineFixture.fleet(session());
    session().products().update(f.chips().id(), new UpdateProduct(null, "Crisps", null, null, null,
        null));
    long rev = session().history().history(AuditedType.PRODUCT, f.chips().id()).get(1).info()
        .number();

    execute("update audit_revision set actor_id = '" + UUID.randomUUID() + "' where id = " + rev);
    assertThat(session().history().verify().firstBroken()).contains(rev);
    execute("update audit_revision set actor_id = '" + session().actor().userId() + "' where id = " + rev);
    assertThat(session().history().verify().intact()).isTrue();

    execute("delete from audit_log where revision_id = " + rev);
    assertThat(session().history().verify().firstBroken()).contains(rev);
  }


  private static void known(String table) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("no table " + table);
    }
  }

  private long count(String table) {
    known(table);
    return db.count(table);
  }


  private void execute(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
