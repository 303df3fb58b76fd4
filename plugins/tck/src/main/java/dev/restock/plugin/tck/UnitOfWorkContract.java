package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several use cases composed by the host in one unit of work
 * ({@link Restock#inUnitOfWork(Actor, java.util.function.Function)}), on any store: they commit
 * once, as one revision under one actor and reason, with the action
 * {@value Restock#UNIT_OF_WORK_ACTION}; any exception rolls back all of them (rows, history,
 * audit events, the history chain and numbers taken) and reaches the host unchanged; plugin audit
 * sinks hear of the changes only after the commit, in call order; nested units join; a conflict
 * is never retried behind the host's back. Misuse (a null actor, another actor inside, inside a
 * read-only unit, inside or around an {@code async} call) is refused with a clear error.
 *
 * <p>Extend it with {@link #openEngine}; stores with tables also answer {@link #rowCount}, so the
 * suite checks the rows behind the engine too.
 */
public abstract class UnitOfWorkContract {
  /** Tables the suite asks {@link #rowCount} about. */
  public static final List<String> TABLES = List.of("product", "product_aud", "slot_aud",
      "service_order", "audit_revision", "audit_log");

  private Restock engine;
  private Store store;
  private final RecordingSink sink = new RecordingSink("unit-of-work-recording-sink");
  private final AtomicInteger conflicts = new AtomicInteger();
  private final AtomicInteger stockWrites = new AtomicInteger();
  private RestockSession ops;
  private User admin;
  private DeviceSetup machine;
  private EngineFixture.Fleet fleet;

  /**
   * An engine on a new, empty store opened through {@code wrap} (the suite keeps the store, and
   * wraps one port to inject conflicts), with {@code plugins} registered and the builder's
   * default conflict retry (more than one attempt).
   */
  protected abstract Restock openEngine(UnaryOperator<Store> wrap, EnginePlugin... plugins);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Rows of a table, soft-deleted and history rows included, for stores that have tables; empty
   * (the default) for stores without. Tables asked for: {@link #TABLES}.
   */
  protected OptionalLong rowCount(String table) {
    return OptionalLong.empty();
  }

  @BeforeEach
  void start() {
    engine = openEngine(opened -> {
      store = new ConflictingStock(opened, conflicts, stockWrites);
      return store;
    }, sink.plugin());
    admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    ops = engine.as(Actor.user(admin.id()));
    fleet = EngineFixture.fleet(ops);
    machine = EngineFixture.device(ops, fleet, "M1", 1, 2);
    sink.events.clear();
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  private Actor actor(String reason) {
    return Actor.user(admin.id()).withReason(reason);
  }

  private Planogram planogram() {
    return ops.planograms().activeFor(machine.device().cabinets().get(0).id());
  }

  /** The planogram's slots as they are, with {@code productId} put in the slot at {@code position}. */
  private static UpdatePlanogram placing(Planogram planogram, String position, UUID productId) {
    List<SlotSpec> specs = new ArrayList<>();
    for (Slot s : planogram.slots()) {
      specs.add(s.position().equals(position)
          ? new SlotSpec(s.position(), productId, s.capacity(), s.capacity(), 0, null)
          : new SlotSpec(s.position(), s.productId(), s.capacity(), s.parLevel(), s.quantity(),
              s.price()));
    }
    return new UpdatePlanogram(null, specs);
  }

  private static CreateProduct tea() {
    return new CreateProduct("TEA", "Iced tea", "Drinks", new BigDecimal("1.20"), 12);
  }

  private ChainHead head() {
    return store.transactions().read(() -> store.history().chainHead());
  }

  private List<AuditEvent> events() {
    return ops.history().events(null, Instant.EPOCH);
  }

  /** Everything a rolled-back unit must leave as it was. */
  private record Snapshot(List<Product> products, Planogram planogram, List<AuditEvent> events,
      ChainHead head, List<ServiceOrder> orders, List<OptionalLong> rows) {}

  private Snapshot snapshot() {
    List<OptionalLong> rows = new ArrayList<>();
    TABLES.forEach(t -> rows.add(rowCount(t)));
    return new Snapshot(
        ops.products().list(PageRequest.of(0, 100), Visibility.INCLUDE_DELETED).items(),
        planogram(), events(), head(),
        ops.serviceOrders().list(PageRequest.of(0, 100)).items(),
        rows);
  }

  @Test
  public void aProductIsCreatedAndPlacedInASlotAtomicallyAsOneRevision() {
    Planogram before = planogram();
    Slot empty = before.slotAt("C3").orElseThrow();
    assertThat(empty.productId()).isNull();
    long revisionsBefore = rowCount("audit_revision").orElse(0);

    Product tea = engine.inUnitOfWork(actor("new line at M1"), s -> {
      Product created = s.products().create(tea());
      s.planograms().update(before.id(), placing(s.planograms().get(before.id()), "C3",
          created.id()));
      return created;
    });

    assertThat(ops.products().get(tea.id()).sku()).isEqualTo("TEA");
    assertThat(planogram().slotAt("C3").orElseThrow().productId()).isEqualTo(tea.id());
    HistoryEntry productEntry = single(ops.history().history(AuditedType.PRODUCT, tea.id()));
    List<HistoryEntry> slotEntries = ops.history().history(AuditedType.SLOT, empty.id());
    HistoryEntry slotEntry = slotEntries.get(slotEntries.size() - 1);
    assertThat(productEntry.kind()).isEqualTo(RevisionKind.CREATED);
    assertThat(slotEntry.info().number()).isEqualTo(productEntry.info().number());
    for (HistoryEntry entry : List.of(productEntry, slotEntry)) {
      assertThat(entry.info().action()).isEqualTo(Restock.UNIT_OF_WORK_ACTION);
      assertThat(entry.info().actorId()).isEqualTo(admin.id());
      assertThat(entry.info().reason()).isEqualTo("new line at M1");
    }
    // the store's audit events name each call, and all belong to the one revision
    List<AuditEvent> unitEvents = events().stream()
        .filter(e -> e.revision() == productEntry.info().number()).toList();
    assertThat(unitEvents).extracting(AuditEvent::action)
        .containsExactly("product.create", "planogram.update");
    assertThat(sink.events).extracting(AuditEvent::action)
        .containsExactly("product.create", "planogram.update");
    rowCount("audit_revision").ifPresent(n -> assertThat(n).isEqualTo(revisionsBefore + 1));
    assertThat(head().size()).isEqualTo(chainSizeAfter(productEntry));
  }

  /** The chain size once {@code entry}'s revision is chained: it is the newest revision. */
  private long chainSizeAfter(HistoryEntry entry) {
    return store.transactions().read(() -> {
      List<Long> sizes = new ArrayList<>();
      store.history().chained(0, Long.MAX_VALUE, r -> sizes.add(r.revisionId()));
      assertThat(sizes).last().isEqualTo(entry.info().number());
      return (long) sizes.size();
    });
  }

  private static HistoryEntry single(List<HistoryEntry> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  @Test
  public void aValidationErrorInTheThirdCallLeavesNothingOfTheFirstTwo() {
    Planogram p = planogram();
    Snapshot before = snapshot();

    assertThatThrownBy(() -> engine.inUnitOfWork(actor("new line"), s -> {
      Product created = s.products().create(tea());
      s.planograms().update(p.id(), placing(s.planograms().get(p.id()), "C3", created.id()));
      // E9 lies outside the cabinet's 3 x 3 grid
      return s.planograms().update(p.id(), new UpdatePlanogram(null,
          List.of(new SlotSpec("E9", created.id(), 5, 5, 0, null))));
    })).isInstanceOf(ValidationException.class).hasMessageContaining("E9");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(sink.events).isEmpty();
  }

  @Test
  public void aHostExceptionAfterTwoCallsReachesTheHostUnchangedAndLeavesNothing() {
    Planogram p = planogram();
    Snapshot before = snapshot();
    IllegalStateException hostFailure = new IllegalStateException("the host changed its mind");

    assertThatThrownBy(() -> engine.runInUnitOfWork(actor("new line"), s -> {
      Product created = s.products().create(tea());
      s.planograms().update(p.id(), placing(s.planograms().get(p.id()), "C3", created.id()));
      throw hostFailure;
    })).isSameAs(hostFailure);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(sink.events).isEmpty();
  }

  @Test
  public void aPermissionRefusalInTheSecondCallRollsBackTheFirst() {
    User manager = ops.users().create(new CreateUser("mia", "mia@example.com", Role.MANAGER));
    sink.events.clear();
    Snapshot before = snapshot();

    // a manager may create products but not users: the check still runs per call inside
    assertThatThrownBy(() -> engine.inUnitOfWork(Actor.user(manager.id()), s -> {
      s.products().create(tea());
      return s.users().create(new CreateUser("eve", "eve@example.com", Role.VIEWER));
    })).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("user.create");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(sink.events).isEmpty();
  }

  @Test
  public void aServiceOrderNumberTakenInARolledBackUnitIsGivenBack() {
    AtomicReference<String> taken = new AtomicReference<>();
    Snapshot before = snapshot();

    assertThatThrownBy(() -> engine.runInUnitOfWork(actor("plan"), s -> {
      taken.set(s.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route().id()))
          .number());
      throw new IllegalStateException("the host cancels");
    })).hasMessage("the host cancels");
    assertThat(snapshot()).isEqualTo(before);

    // gapless: the next order gets the number the rolled-back unit had taken
    assertThat(taken.get()).endsWith("-000001");
    assertThat(ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route().id()))
        .number()).isEqualTo(taken.get());
  }

  @Test
  public void nestedUnitsJoinTheOutermostAndSinksHearOfItOnceAfterItsCommit() {
    Actor actor = actor("two products");
    List<Product> made = engine.inUnitOfWork(actor, outer -> {
      Product cocoa = outer.products().create(
          new CreateProduct("COCOA", "Cocoa", "Drinks", new BigDecimal("1.50"), 6));
      Product tea = engine.inUnitOfWork(actor, inner -> inner.products().create(tea()));
      // the inner unit returned, but nothing has committed yet: no sink has heard of it
      assertThat(sink.events).isEmpty();
      return List.of(cocoa, tea);
    });

    long cocoaRevision = single(ops.history().history(AuditedType.PRODUCT, made.get(0).id()))
        .info().number();
    long teaRevision = single(ops.history().history(AuditedType.PRODUCT, made.get(1).id()))
        .info().number();
    assertThat(teaRevision).isEqualTo(cocoaRevision);
    assertThat(sink.events).extracting(AuditEvent::action)
        .containsExactly("product.create", "product.create");
    assertThat(sink.events).extracting(AuditEvent::resourceId)
        .containsExactly(made.get(0).id(), made.get(1).id());
  }

  @Test
  public void aNestedFailureCaughtByTheHostStillRollsBackTheWholeUnit() {
    Snapshot before = snapshot();
    Actor actor = actor("careless host");

    assertThatThrownBy(() -> engine.runInUnitOfWork(actor, outer -> {
      outer.products().create(tea());
      try {
        engine.runInUnitOfWork(actor, inner -> {
          inner.products().create(
              new CreateProduct("COCOA", "Cocoa", "Drinks", new BigDecimal("1.50"), 6));
          throw new IllegalArgumentException("inner failure");
        });
      } catch (IllegalArgumentException swallowed) {
        // the host carries on as if nothing happened
      }
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(sink.events).isEmpty();
  }

  @Test
  public void aConflictInsideAComposedUnitReachesTheHostAndIsNeverRetried() {
    Product cola = fleet.cola();
    Snapshot before = snapshot();
    long retriesBefore = engine.statistics().retries();
    stockWrites.set(0);
    conflicts.set(1);

    assertThatThrownBy(() -> engine.inUnitOfWork(actor("delivery"), s -> {
      s.products().create(tea());
      return s.stock().receive(cola.id(), 12, "delivery");
    })).isInstanceOf(ConcurrentChangeException.class);

    assertThat(stockWrites.get()).as("attempts of the composed unit").isEqualTo(1);
    assertThat(engine.statistics().retries()).isEqualTo(retriesBefore);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(sink.events).isEmpty();
    assertThat(ops.stock().level(cola.id()).onHand()).isZero();

    // the host decides to run it again: it goes through
    engine.inUnitOfWork(actor("delivery"), s -> s.stock().receive(cola.id(), 12, "delivery"));
    assertThat(ops.stock().level(cola.id()).onHand()).isEqualTo(12);
  }

  @Test
  public void misuseIsRefusedWithAClearErrorAndWritesNothing() throws Exception {
    Snapshot before = snapshot();
    Actor actor = actor("misuse");

    assertThatThrownBy(() -> engine.inUnitOfWork(null, s -> s.products().create(tea())))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("actor");
    // every call inside acts as the unit's one actor
    assertThatThrownBy(() -> engine.inUnitOfWork(actor, s -> {
      s.products().create(tea());
      return engine.as(Actor.system()).products().create(
          new CreateProduct("COCOA", "Cocoa", "Drinks", new BigDecimal("1.50"), 6));
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("one actor");
    assertThatThrownBy(() -> engine.runInUnitOfWork(actor, s ->
        engine.runInUnitOfWork(Actor.system(), inner -> inner.products().create(tea()))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("one actor");
    // inside a read-only unit
    assertThatThrownBy(() -> store.transactions().read(() ->
        engine.inUnitOfWork(actor, s -> s.products().create(tea()))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    // an async call cannot join the unit (another thread), so it is refused inside one
    assertThatThrownBy(() -> engine.inUnitOfWork(actor, s -> {
      s.products().create(tea());
      return engine.async(actor, a -> a.products().get(fleet.cola().id()));
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("async");
    // and a unit is not composed on the engine's async executor
    CompletableFuture<Product> inAsync = engine.async(actor,
        a -> engine.inUnitOfWork(actor, s -> s.products().create(tea())));
    assertThatThrownBy(() -> inAsync.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("async");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(sink.events).isEmpty();
  }
}
