package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import dev.restock.plugin.picklist.StandardPickListsPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole engine on the in-memory store, beyond the TCK's engine suites (which it also runs):
 * a full service cycle with an audit sink, device delete and restore read back with planograms,
 * and concurrent stock receipts through the use cases.
 */
class MemoryEngineTest {
  private final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
  private Restock engine;
  private RestockSession session;
  private User admin;

  @BeforeEach
  void open() {
    AuditSink sink = new AuditSink() {
      @Override
      public String id() {
        return "collect";
      }

      @Override
      public void accept(AuditEvent event) {
        delivered.add(event);
      }
    };
    engine = RestockEngine.builder().store(MemoryStore.factory())
        .plugin(new StandardPickListsPlugin())
        .plugin(new dev.restock.api.spi.EnginePlugin() {
          @Override
          public String id() {
            return "collect-events";
          }

          @Override
          public void register(dev.restock.api.spi.PluginRegistrar registrar) {
            registrar.auditSink(sink);
          }
        })
        .build();
    admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()).withReason("memory engine test"));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private Fleet fleet() {
    return EngineFixture.fleet(session);
  }

  private DeviceSetup device(Fleet f, String name) {
    return EngineFixture.device(session, f, name, 2, 6);
  }

  @Test
  void aFullServiceCycleRunsOnTheMemoryStore() {
    Fleet f = fleet();
    DeviceSetup m1 = device(f, "M1");
    device(f, "M2");
    Slot sold = m1.planograms().get(1).slotAt("A1").orElseThrow();
    session.sales().record(new RecordSales(List.of(SaleEntry.sold(sold.id(), 5))));
    User driver = session.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));

    ServiceOrder order = session.serviceOrders().create(CreateServiceOrder.forRoute(f.route().id()));
    assertThat(order.number()).endsWith("-000001");
    assertThat(order.visits()).hasSize(4);
    // to par: cola 7 (the sold slot) + 3 x 2, water 4 x 6, chips already at par
    assertThat(order.totalUnits()).isEqualTo(37);
    session.serviceOrders().assign(order.id(), driver.id());
    session.stock().receive(f.cola().id(), 13, "delivery");
    session.stock().receive(f.water().id(), 24, "delivery");
    DeliveryNote note = session.serviceOrders().dispatch(order.id());
    assertThat(note.totalUnits()).isEqualTo(37);
    assertThat(session.stock().level(f.cola().id()).onHand()).isZero();

    ServiceOrder done = order;
    for (Visit visit : order.visits()) {
      done = session.serviceOrders().completeVisit(order.id(), visit.id(),
          CompleteVisit.asPlanned());
    }
    assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(session.planograms().activeFor(m1.device().cabinets().get(1).id())
        .slotAt("A1").orElseThrow().quantity()).isEqualTo(10);
    List<HistoryEntry> slotHistory = session.history().history(AuditedType.SLOT, sold.id());
    assertThat(slotHistory).extracting(h -> h.info().actionKind())
        .containsExactly("set-up", "record", "complete-visit");
    assertThat(session.reports().soldOut(null)).isEmpty();
    assertThat(session.history().verify().intact()).isTrue();
    assertThat(delivered).extracting(AuditEvent::action).contains("service-order.dispatch");
  }

  @Test
  void deletingADeviceTakesItsPlanogramsAndRestoreBringsThemBackWithHistory() {
    Fleet f = fleet();
    DeviceSetup m1 = device(f, "M1");
    UUID drinks = m1.device().cabinets().get(1).id();

    session.devices().delete(m1.device().id());
    assertThatThrownBy(() -> session.planograms().activeFor(drinks))
        .isInstanceOf(NotFoundException.class);
    assertThat(session.history().deletion(AuditedType.DEVICE, m1.device().id()).info().actorId())
        .isEqualTo(admin.id());

    session.devices().restore(m1.device().id());
    assertThat(session.planograms().activeFor(drinks).slots()).hasSize(4);
    DeviceSetup restored = session.devices().getWithPlanograms(m1.device().id());
    assertThat(restored.planograms()).extracting(p -> p.cabinetId())
        .containsExactly(m1.device().cabinets().get(0).id(), drinks);
    assertThat(session.devices().listWithPlanograms(PageRequest.first()).items())
        .singleElement().isEqualTo(restored);
    assertThat(session.history().history(AuditedType.PLANOGRAM, m1.planograms().get(1).id()))
        .extracting(HistoryEntry::kind).containsExactly(RevisionKind.CREATED,
            RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(session.history().verify().intact()).isTrue();
  }

  @Test
  void concurrentStockReceiptsThroughTheEngineAreNeverLost() throws Exception {
    Fleet f = fleet();
    int threads = 8;
    int receipts = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < receipts; i++) {
            session.stock().receive(f.cola().id(), 1, "parallel delivery");
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(session.stock().level(f.cola().id()).onHand()).isEqualTo(threads * receipts);
    assertThat(session.history().history(AuditedType.STOCK, f.cola().id()))
        .hasSize(threads * receipts);
    assertThat(session.history().verify()).satisfies(v -> assertThat(v.intact()).isTrue());
  }
}
