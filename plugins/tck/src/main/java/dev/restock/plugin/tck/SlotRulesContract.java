package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the engine promises about the slots of a planogram, on any store: an empty slot holds
 * nothing (quantity and par 0); one slot changes on its own through {@code setSlot}, leaving the
 * others as they are, with history; an update that omits a slot's quantity keeps it while the
 * product stays; every refusal names every problem and writes nothing. Extend it with {@link
 * #openEngine}; every test starts a new engine on a new, empty store.
 *
 * <p>Each test starts from one device {@code D1} with one 3 × 3 cabinet whose active planogram is:
 * A1 cola (capacity 10, par 10, quantity 8), A2 chips (6, 6, 3), B1 water (12, 10, 4), C3 empty
 * (5, 0, 0).
 */
@Experimental(since = "0.2")
public abstract class SlotRulesContract {
  private Restock engine;
  private RestockSession session;
  private Fleet f;
  private UUID cabinet;
  private Planogram start;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @BeforeEach
  void startEngine() {
    engine = openEngine();
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()).withReason("slot rules"));
    f = EngineFixture.fleet(session);
    cabinet = EngineFixture.device(session, f, "D1", 1, 3).device().cabinets().get(0).id();
    start = session.planograms().activeFor(cabinet);
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  // ---------------------------------------------------------------- an empty slot holds nothing

  @Test
  public void anEmptySlotWithStockOrAParIsRefusedNamingBoth() {
    assertThat(fields(() -> new SlotSpec("A1", null, 10, 3, 7, null)))
        .containsExactlyInAnyOrder("parLevel", "quantity");
    assertThat(violations(() -> new SlotSpec("A1", null, 10, 0, 7, null)))
        .extracting(Violation::field, Violation::message)
        .containsExactly(tuple("quantity", "an empty slot holds nothing (was 7)"));
    // an empty slot's quantity may be omitted: it is 0
    assertThat(new SlotSpec("A1", null, 10, 0, null, null).quantity()).isNull();
  }

  @Test
  public void aNewPlanogramOrAnUpdateCannotPutStockIntoAnEmptySlot() {
    Planogram created = session.planograms().create(new CreatePlanogram(cabinet, "Empty C3",
        List.of(new SlotSpec("C3", null, 5, 0, null, null))));
    assertThat(created.slots()).extracting(Slot::position, Slot::productId, Slot::parLevel,
        Slot::quantity).containsExactly(tuple("C3", null, 0, 0));

    // emptying A1 by an update: its 8 colas are not left behind
    Planogram updated = session.planograms().update(created.id(), new UpdatePlanogram(null,
        List.of(new SlotSpec("A1", f.cola().id(), 10, 10, 8, null),
            new SlotSpec("C3", null, 5, 0, null, null))));
    Planogram emptied = session.planograms().update(updated.id(), new UpdatePlanogram(null,
        List.of(new SlotSpec("A1", null, 10, 0, null, null),
            new SlotSpec("C3", null, 5, 0, null, null))));
    assertThat(emptied.slotAt("A1").orElseThrow()).extracting(Slot::productId, Slot::quantity,
        Slot::parLevel, Slot::price).containsExactly(null, 0, 0, null);
  }

  @Test
  public void setSlotRefusesStockOrAParInASlotThatStaysEmpty() {
    ValidationException e = refusedWithNothingWritten(() ->
        session.planograms().setSlot(cabinet, new SetSlot("C3", null, null, 2, 4, null)));
    assertThat(e.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("parLevel", "quantity");
    assertThat(e.violations()).extracting(Violation::message)
        .allMatch(m -> m.startsWith("an empty slot holds nothing"));

    // a new slot without a product is empty too
    ValidationException added = refusedWithNothingWritten(() ->
        session.planograms().setSlot(cabinet, new SetSlot("C1", null, 4, 1, null, null)));
    assertThat(added.violations()).extracting(Violation::field).containsExactly("parLevel");
  }

  // ---------------------------------------------------------------- one slot on its own

  @Test
  public void setSlotChangesOneSlotAndLeavesTheOthersAsTheyAre() {
    Planogram after = session.planograms().setSlot(cabinet,
        new SetSlot("a2", null, 8, 5, null, new BigDecimal("1.2")));

    assertThat(after.id()).isEqualTo(start.id());
    assertThat(after.version()).isGreaterThan(start.version());
    Slot a2 = after.slotAt("A2").orElseThrow();
    Slot before = start.slotAt("A2").orElseThrow();
    assertThat(a2).isEqualTo(new Slot(before.id(), "A2", f.chips().id(), 8, 5, 3,
        new BigDecimal("1.20")));
    assertThat(after.slots()).filteredOn(s -> !s.position().equals("A2"))
        .containsExactlyElementsOf(start.slots().stream()
            .filter(s -> !s.position().equals("A2")).toList());
    assertThat(session.planograms().activeFor(cabinet)).isEqualTo(after);

    // audited like an update: the slot's history shows the change, with the reason
    List<HistoryEntry> history = session.history().history(AuditedType.SLOT, before.id());
    HistoryEntry last = history.get(history.size() - 1);
    assertThat(last.info().reason()).isEqualTo("slot rules");
    assertThat(last.changes()).extracting(FieldChange::field)
        .contains("capacity", "parLevel", "price");
    assertThat(last.changes()).extracting(FieldChange::field).doesNotContain("quantity");
    for (Slot other : start.slots()) {
      if (!other.position().equals("A2")) {
        assertThat(session.history().history(AuditedType.SLOT, other.id()))
            .as("history of untouched " + other.position()).hasSize(1);
      }
    }
  }

  @Test
  public void setSlotAddsASlotAtAFreePositionOfTheGrid() {
    Planogram after = session.planograms().setSlot(cabinet,
        new SetSlot("C1", f.water().id(), 12, 6, null, null));

    assertThat(after.slots()).extracting(Slot::position)
        .containsExactly("A1", "A2", "B1", "C1", "C3");
    assertThat(after.slotAt("C1").orElseThrow()).extracting(Slot::productId, Slot::capacity,
        Slot::parLevel, Slot::quantity, Slot::price)
        .containsExactly(f.water().id(), 12, 6, 0, new BigDecimal("0.90"));
    assertThat(after.slots()).filteredOn(s -> !s.position().equals("C1"))
        .containsExactlyElementsOf(start.slots());
  }

  @Test
  public void aNewProductInASlotStartsAtQuantityZeroAndItsOwnPrice() {
    Planogram after = session.planograms().setSlot(cabinet,
        new SetSlot("A1", f.water().id(), null, null, null, null));

    Slot a1 = after.slotAt("A1").orElseThrow();
    assertThat(a1).extracting(Slot::id, Slot::productId, Slot::capacity, Slot::parLevel,
        Slot::quantity, Slot::price).containsExactly(start.slotAt("A1").orElseThrow().id(),
        f.water().id(), 10, 10, 0, new BigDecimal("0.90"));

    // a quantity given with the new product is taken as it is
    Planogram counted = session.planograms().setSlot(cabinet,
        new SetSlot("B1", f.chips().id(), null, null, 5, null));
    assertThat(counted.slotAt("B1").orElseThrow().quantity()).isEqualTo(5);
  }

  @Test
  public void setSlotWithNothingToChangeWritesNothing() {
    int revisions = session.history().history(AuditedType.PLANOGRAM, start.id()).size();
    long events = events();

    Planogram same = session.planograms().setSlot(cabinet,
        new SetSlot("A1", f.cola().id(), 10, 10, 8, null));

    assertThat(same).isEqualTo(start);
    assertThat(session.history().history(AuditedType.PLANOGRAM, start.id())).hasSize(revisions);
    assertThat(events()).isEqualTo(events);
  }

  @Test
  public void setSlotNamesEveryProblemAtOnceAndWritesNothing() {
    Product gone = session.products().create(
        new CreateProduct("GONE", "Gone", "Drinks", new BigDecimal("1.00"), 6));
    session.products().delete(gone.id());

    // capacity 4 is below the current par 10 and quantity 8 of A1; the product is deleted
    ValidationException e = refusedWithNothingWritten(() -> session.planograms().setSlot(cabinet,
        new SetSlot("A1", gone.id(), 4, null, 3, null)));
    assertThat(e.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("productId", "parLevel");

    ValidationException kept = refusedWithNothingWritten(() -> session.planograms()
        .setSlot(cabinet, new SetSlot("A1", null, 5, null, null, null)));
    assertThat(kept.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("parLevel", "quantity");

    ValidationException outside = refusedWithNothingWritten(() -> session.planograms()
        .setSlot(cabinet, new SetSlot("D4", UUID.randomUUID(), null, null, null, null)));
    assertThat(outside.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("position", "productId", "capacity", "parLevel");

    ValidationException emptyPriced = refusedWithNothingWritten(() -> session.planograms()
        .setSlot(cabinet, new SetSlot("C3", null, null, null, null, BigDecimal.ONE)));
    assertThat(emptyPriced.violations()).extracting(Violation::field).containsExactly("price");
  }

  @Test
  public void setSlotValidatesItsOwnFieldsAtConstruction() {
    assertThat(fields(() -> new SetSlot("Z99", null, 0, 5, -1, new BigDecimal("1.234"))))
        .containsExactlyInAnyOrder("position", "capacity", "quantity", "price");
    assertThat(fields(() -> new SetSlot(null, null, 5, 6, 6, null)))
        .containsExactlyInAnyOrder("position", "parLevel", "quantity");
    assertThat(new SetSlot(" b2 ", null, null, null, null, null).position()).isEqualTo("B2");
  }

  @Test
  public void setSlotOnACabinetWithoutAnActivePlanogramIsNotFound() {
    Device bare = session.devices().create(new CreateDevice("Bare", "SN-BARE",
        f.location().id(), f.route().id(), f.deviceType().id(),
        List.of(new CabinetSpec(1, f.cabinetType().id(), 2, 2))));
    UUID bareCabinet = bare.cabinets().get(0).id();

    assertThatThrownBy(() -> session.planograms().setSlot(bareCabinet,
        new SetSlot("A1", f.cola().id(), 5, 5, null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> session.planograms().activeFor(bareCabinet))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  public void concurrentChangesOfDifferentSlotsAllLand() throws Exception {
    List<String> positions = List.of("A3", "B2", "B3", "C1", "C2");
    ExecutorService pool = Executors.newFixedThreadPool(positions.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Planogram>> calls = new ArrayList<>();
      for (String position : positions) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return session.planograms().setSlot(cabinet,
              new SetSlot(position, f.chips().id(), 5, 5, 5, null));
        }, pool));
      }
      go.countDown();
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    Planogram after = session.planograms().activeFor(cabinet);
    assertThat(after.slots()).extracting(Slot::position).containsExactly(
        "A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3");
    assertThat(after.slots()).filteredOn(s -> positions.contains(s.position()))
        .extracting(Slot::productId, Slot::quantity).containsOnly(tuple(f.chips().id(), 5));
  }

  // ---------------------------------------------------------------- omitted quantity in an update

  @Test
  public void anUpdateThatOmitsAQuantityKeepsItWhileTheProductStays() {
    Planogram after = session.planograms().update(start.id(), new UpdatePlanogram(null, List.of(
        new SlotSpec("A1", f.cola().id(), 12, 10, null, null),
        new SlotSpec("A2", f.water().id(), 6, 6, null, null),
        new SlotSpec("B1", f.water().id(), 12, 10, 2, null),
        new SlotSpec("B2", f.chips().id(), 6, 4, null, null),
        new SlotSpec("C3", null, 5, 0, null, null))));

    assertThat(after.slots()).extracting(Slot::position, Slot::quantity).containsExactly(
        tuple("A1", 8), // same product: kept
        tuple("A2", 0), // chips replaced by water: the chips left are not water
        tuple("B1", 2), // given: taken
        tuple("B2", 0), // new slot
        tuple("C3", 0));
    assertThat(after.slotAt("A1").orElseThrow().id())
        .isEqualTo(start.slotAt("A1").orElseThrow().id());
  }

  @Test
  public void anOmittedQuantityAboveTheNewCapacityIsRefusedAndNothingIsWritten() {
    ValidationException e = refusedWithNothingWritten(() -> session.planograms().update(
        start.id(), new UpdatePlanogram(null, List.of(
            new SlotSpec("A1", f.cola().id(), 6, 6, null, null),
            new SlotSpec("A2", f.chips().id(), 6, 6, null, null),
            new SlotSpec("B1", f.water().id(), 3, 3, null, null)))));
    assertThat(e.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("slots[0].quantity", "slots[2].quantity");
  }

  // ---------------------------------------------------------------- helpers

  /** Runs a refused call and checks that the planogram, its history and the audit log held. */
  private ValidationException refusedWithNothingWritten(ThrowingCallable call) {
    Planogram before = session.planograms().activeFor(cabinet);
    int revisions = session.history().history(AuditedType.PLANOGRAM, before.id()).size();
    long events = events();

    ValidationException e = catchThrowableOfType(ValidationException.class, call);

    assertThat(e).as("expected a ValidationException").isNotNull();
    assertThat(session.planograms().activeFor(cabinet)).isEqualTo(before);
    assertThat(session.history().history(AuditedType.PLANOGRAM, before.id())).hasSize(revisions);
    assertThat(events()).isEqualTo(events);
    return e;
  }

  private long events() {
    return session.history().events(null, Instant.EPOCH).size();
  }

  private static List<Violation> violations(ThrowingCallable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.violations();
  }

  private static List<String> fields(ThrowingCallable call) {
    return violations(call).stream().map(Violation::field).toList();
  }
}
