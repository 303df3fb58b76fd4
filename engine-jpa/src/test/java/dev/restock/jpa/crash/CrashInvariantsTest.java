package dev.restock.jpa.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash suite's invariants catch what they are meant to catch: each test damages a copy of a
 * healthy database the way a crash could (a lost unit, a half-written order, a gap, stock out of
 * step, a broken page) and expects the problem to be named. Without this, a suite that never
 * fails would prove nothing.
 */
class CrashInvariantsTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path healthy;
  private static CrashFixture fixture;
  private static final List<String> committed = new ArrayList<>();
  private static ServiceOrder pendingOrder;
  private static ServiceOrder dispatchedOrder;

  @BeforeAll
  static void healthyDatabase() {
    healthy = shared.resolve("healthy.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(healthy)).build()) {
      fixture = CrashFixture.create(engine);
      RestockSession ops = engine.as(Actor.user(fixture.admin()));
      UUID sale = ops.sales().record(new RecordSales(List.of(
          SaleEntry.sold(fixture.slots().get(0), 2)))).get(0).id();
      committed.add("C sale " + sale);
      dispatchedOrder = ops.serviceOrders().create(CreateServiceOrder.forRoute(fixture.route()));
      ops.serviceOrders().assign(dispatchedOrder.id(), fixture.driver());
      DeliveryNote note = ops.serviceOrders().dispatch(dispatchedOrder.id());
      committed.add("C order.dispatch " + dispatchedOrder.id() + " " + note.number());
      pendingOrder = ops.serviceOrders().create(CreateServiceOrder.forRoute(fixture.route()));
      committed.add("C order.create " + pendingOrder.id() + " " + pendingOrder.number() + " "
          + pendingOrder.visits().size() + " "
          + pendingOrder.visits().stream().mapToInt(v -> v.lines().size()).sum());
    }
  }

  private Path copy() throws Exception {
    Path copy = dir.resolve("copy.db");
    // the engine checkpointed and closed: the main file holds everything
    Files.copy(healthy, copy);
    return copy;
  }

  private static void sql(Path db, String sql, Object... args) throws Exception {
    try (Connection c = CrashInvariants.connect(db); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  @Test
  void aHealthyDatabasePassesEveryInvariant() throws Exception {
    assertThat(Files.exists(healthy.resolveSibling("healthy.db-wal"))
        && Files.size(healthy.resolveSibling("healthy.db-wal")) > 0).isFalse();
    assertThat(CrashInvariants.check(copy(), fixture, committed)).isEmpty();
  }

  @Test
  void aUnitReportedCommittedButMissingIsLostWork() throws Exception {
    Path db = copy();
    String ghost = "C sale " + UUID.randomUUID();
    List<String> lines = new ArrayList<>(committed);
    lines.add(ghost);
    assertThat(CrashInvariants.check(db, fixture, lines))
        .containsExactly("committed work lost: " + ghost);
  }

  @Test
  void anOrderMissingAVisitIsHalfWritten() throws Exception {
    Path db = copy();
    UUID visit = pendingOrder.visits().get(1).id();
    sql(db, "delete from order_line where visit_id = ?", visit.toString());
    sql(db, "delete from service_visit where id = ?", visit.toString());
    assertThat(String.join("\n", CrashInvariants.check(db, fixture, committed)))
        .contains("order " + pendingOrder.id() + " has 1 visits, expected 2")
        .contains("committed work lost: C order.create " + pendingOrder.id());
  }

  @Test
  void aDispatchedOrderWithoutItsDeliveryNoteIsHalfWritten() throws Exception {
    Path db = copy();
    sql(db, "delete from delivery_note_line");
    sql(db, "delete from delivery_note");
    assertThat(String.join("\n", CrashInvariants.check(db, fixture, committed)))
        .contains("order " + dispatchedOrder.id() + " is IN_PROGRESS without a delivery note")
        .contains("committed work lost: C order.dispatch " + dispatchedOrder.id())
        .containsPattern("series DN-\\d{4} stands at 1 but no number of it is used")
        .contains("is not receipts - delivered");
  }

  @Test
  void aSkippedNumberIsAGap() throws Exception {
    Path db = copy();
    String last = pendingOrder.number();
    String skipped = last.substring(0, last.length() - 6) + "000005";
    sql(db, "update service_order set number = ? where id = ?", skipped,
        pendingOrder.id().toString());
    assertThat(String.join("\n", CrashInvariants.check(db, fixture, List.of())))
        .contains("numbers have gaps: missing [2, 3, 4]")
        .contains("stands at 2 but the highest number used is 5");
  }

  @Test
  void stockOutOfStepWithReceiptsAndDeliveriesIsCaught() throws Exception {
    Path db = copy();
    sql(db, "update stock_level set on_hand = on_hand + 1 where id = ?",
        fixture.products().get(0).toString());
    assertThat(CrashInvariants.check(db, fixture, committed)).singleElement().asString()
        .startsWith("stock on hand").contains("is not receipts - delivered");
  }

  @Test
  void anEditedRevisionBreaksTheChain() throws Exception {
    Path db = copy();
    sql(db, "update audit_revision set reason = 'forged' where id = "
        + "(select max(id) from audit_revision)");
    assertThat(CrashInvariants.check(db, fixture, committed)).singleElement().asString()
        .startsWith("history chain of copy.db broken at revision");
  }

  @Test
  void aDamagedPageFailsQuickCheck() throws Exception {
    Path db = copy();
    long pageSize;
    try (Connection c = CrashInvariants.connect(db); Statement s = c.createStatement()) {
      var rs = s.executeQuery("pragma page_size");
      rs.next();
      pageSize = rs.getLong(1);
    }
    try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
      byte[] garbage = new byte[(int) pageSize];
      Arrays.fill(garbage, (byte) 0x5A);
      // every page after the first (the header) holds tables and indexes: overwrite a few
      for (long page = 2; page < Math.min(12, file.length() / pageSize); page += 3) {
        file.seek(page * pageSize);
        file.write(garbage);
      }
    }
    assertThat(CrashInvariants.check(db, fixture, committed)).singleElement().asString()
        .startsWith("quick_check of copy.db");
  }
}
