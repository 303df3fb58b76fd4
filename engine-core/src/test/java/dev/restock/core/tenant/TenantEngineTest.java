package dev.restock.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.core.audit.trust.FakeChainStore;
import dev.restock.core.wiring.RestockEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The multi-tenant engine on a fake two-place directory whose stores hold a history chain only:
 * the builder's refusals, the refusals of the engine without a tenant, permissions, the gate
 * (a call in flight delays a retire; calls after it are refused) and the move (a failed copy or
 * a copy that does not verify leaves the tenant where it was and served; a good one switches the
 * engine handed out before to the target).
 */
class TenantEngineTest {
  private final FakeTenantDirectory directory = new FakeTenantDirectory();
  private Restock engine;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  private Restock engine() {
    engine = RestockEngine.builder().tenants(directory).build();
    return engine;
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    if (engine != null) {
      engine.close();
    }
  }

  // ---------------------------------------------------------------- the builder

  @Test
  void buildingWithBothAStoreAndTenantsOrNeitherFailsNamingTheProblem() {
    assertThatThrownBy(() -> RestockEngine.builder().store(FakeChainStore::new)
        .tenants(directory).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both store(..) and tenants(..)");
    assertThatThrownBy(() -> RestockEngine.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no store configured").hasMessageContaining("tenants(directory)");
    assertThatThrownBy(() -> RestockEngine.builder().store(FakeChainStore::new)
        .providerTenant("ops").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("providerTenant(..) needs tenants(directory)");
    assertThatThrownBy(() -> RestockEngine.builder().tenants(directory)
        .checkpointAnchors(List.of(new dev.restock.api.audit.Checkpoint(FakeChainStore.GENESIS,
            0, "r", "c", java.time.Instant.EPOCH, null, null)))
        .anchorSink(new dev.restock.core.audit.trust.JsonLinesAnchorSink(
            java.nio.file.Path.of("target/never-written.jsonl")))
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("anchorSink(..) with tenants(..)")
        .hasMessageContaining("checkpointAnchors(..) with tenants(..)");
    assertThatThrownBy(() -> RestockEngine.builder().providerTenant("Ops!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Tenant.ID_RULE);
    assertThat(directory.closed).isFalse();
    assertThat(directory.opens).hasValue(0);
  }

  // ---------------------------------------------------------------- the engine without a tenant

  @Test
  void everyDataCallOnTheEngineItselfIsRefusedNamingTheWayToChooseATenant() {
    Restock e = engine();
    Actor system = Actor.system();
    List<Throwable> refused = List.of(
        catchThrowable(() -> e.as(system)),
        catchThrowable(() -> e.inUnitOfWork(system, s -> 1)),
        catchThrowable(() -> e.runInUnitOfWork(system, s -> { })),
        catchThrowable(() -> e.async(system, s -> 1)),
        catchThrowable(() -> e.seed(null)),
        catchThrowable(e::health),
        catchThrowable(e::statistics),
        catchThrowable(e::auditSinkFailures),
        catchThrowable(e::checkpointFailures),
        catchThrowable(e::storeDescription),
        catchThrowable(e::pickListStrategies),
        catchThrowable(e::visitPolicies));
    assertThat(refused).hasSize(12).allSatisfy(t -> assertThat(t)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine.tenant(\"acme\").as(actor)"));
    assertThat(directory.opens).hasValue(0);
  }

  @Test
  void unknownMalformedAndRetiredTenantsAreRefusedAndClosingTheTenantsEngineDoesNothing() {
    directory.existing("a", "east").append("first");
    Restock e = engine();
    assertThatThrownBy(() -> e.tenant("zz")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> e.tenant("A-1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Tenant.ID_RULE);

    Restock a = e.tenant("a");
    a.close();
    assertThat(a.as(Actor.system()).history().verify().checked()).isEqualTo(1);
    assertThatThrownBy(() -> a.tenant("a")).isInstanceOf(IllegalStateException.class);

    e.tenants().retire(Actor.system(), "a", "gone");
    assertThatThrownBy(() -> e.tenant("a")).isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> a.as(Actor.system()))
        .isInstanceOf(IllegalStateTransitionException.class);
  }

  @Test
  void concurrentFirstCallsOpenTheTenantsEngineOnce() throws Exception {
    directory.existing("a", "east");
    Restock e = engine();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(pool.submit(() -> {
        go.await();
        return e.tenant("a").as(Actor.system()).history().verify().checked();
      }));
    }
    go.countDown();
    for (Future<Long> f : calls) {
      assertThat(f.get(1, TimeUnit.MINUTES)).isZero();
    }
    assertThat(directory.opens).hasValue(1);
  }

  @Test
  void closingTheEngineClosesTheDirectoryAndRefusesLaterCalls() {
    directory.existing("a", "east");
    Restock e = engine();
    Restock a = e.tenant("a");
    a.as(Actor.system());
    e.close();
    assertThat(directory.closed).isTrue();
    assertThatThrownBy(() -> a.as(Actor.system())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> e.tenant("a")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(e::tenants).isInstanceOf(IllegalStateException.class);
  }

  // ---------------------------------------------------------------- permissions and input

  @Test
  void withoutAProviderTenantOnlyTheSystemActorAdministersAndBadInputWritesNothing() {
    Restock e = engine();
    Actor user = Actor.user(UUID.randomUUID());
    assertThatThrownBy(() -> e.tenants().add(user, new NewTenant("a", "A")))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("system actor");
    assertThatThrownBy(() -> e.tenants().events(user))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> e.tenants().fleetSummary(user))
        .isInstanceOf(PermissionDeniedException.class);
    ValidationException bad = (ValidationException) catchThrowable(() -> e.tenants()
        .add(Actor.system(), new NewTenant("9lives", "", "north")));
    assertThat(bad.violations()).extracting(v -> v.field())
        .containsExactly("id", "name", "placement");
    assertThat(bad.getMessage()).contains("[east, west]");
    assertThat(directory.writes).isEmpty();
    assertThat(directory.events).isEmpty();

    Tenant a = e.tenants().add(Actor.system().withReason("new customer"),
        new NewTenant("a", "A", "west"));
    assertThat(a.placement()).isEqualTo("west");
    assertThat(directory.opens).as("the new tenant's store is opened (migrated) once")
        .hasValue(1);
    assertThat(directory.events).extracting(TenantEvent::action, TenantEvent::tenantId,
        TenantEvent::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(
            "tenant.add", "a", "new customer"));
  }

  @Test
  void aProviderTenantThatDoesNotExistAdmitsNoUser() {
    engine = RestockEngine.builder().tenants(directory).providerTenant("ops").build();
    assertThatThrownBy(() -> engine.tenants().add(Actor.user(UUID.randomUUID()),
        new NewTenant("a", "A")))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("'ops'");
    assertThat(directory.writes).isEmpty();
  }

  // ---------------------------------------------------------------- the gate

  @Test
  void aRetireWaitsForTheCallInFlightAndRefusesEveryLaterCall() throws Exception {
    directory.existing("a", "east").append("first");
    Restock e = engine();
    Restock a = e.tenant("a");
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Long> call = pool.submit(() -> a.inUnitOfWork(Actor.system(), s -> {
      inside.countDown();
      await(release);
      return s.history().verify().checked();
    }));
    assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
    Thread[] retirer = new Thread[1];
    CountDownLatch started = new CountDownLatch(1);
    Future<Tenant> retire = pool.submit(() -> {
      retirer[0] = Thread.currentThread();
      started.countDown();
      return e.tenants().retire(Actor.system(), "a", "contract ended");
    });
    assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
    waitUntilWaiting(retirer[0]);

    assertThat(directory.writes).as("nothing retired while the call runs").isEmpty();
    release.countDown();
    assertThat(call.get(1, TimeUnit.MINUTES)).isEqualTo(1);
    assertThat(retire.get(1, TimeUnit.MINUTES).active()).isFalse();
    assertThat(directory.writes).containsExactly("retire a");
    assertThatThrownBy(() -> a.as(Actor.system()))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> a.inUnitOfWork(Actor.system(), s -> 1))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> a.async(Actor.system(), s -> 1))
        .isInstanceOf(IllegalStateTransitionException.class);
  }

  @Test
  void anAsyncCallCountsAsInFlightUntilItCompletes() throws Exception {
    directory.existing("a", "east");
    Restock e = engine();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.CompletableFuture<Long> call = e.tenant("a").async(Actor.system(), s -> {
      inside.countDown();
      await(release);
      return s.history().verify().checked();
    });
    assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
    Thread[] retirer = new Thread[1];
    CountDownLatch started = new CountDownLatch(1);
    Future<Tenant> retire = pool.submit(() -> {
      retirer[0] = Thread.currentThread();
      started.countDown();
      return e.tenants().retire(Actor.system(), "a", "contract ended");
    });
    assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
    waitUntilWaiting(retirer[0]);
    assertThat(directory.writes).isEmpty();
    release.countDown();
    assertThat(call.get(1, TimeUnit.MINUTES)).isZero();
    assertThat(retire.get(1, TimeUnit.MINUTES).active()).isFalse();
  }

  @Test
  void aTenantCannotBeRetiredFromInsideOneOfItsOwnCalls() {
    directory.existing("a", "east");
    Restock e = engine();
    assertThatThrownBy(() -> e.tenant("a").inUnitOfWork(Actor.system(),
        s -> e.tenants().retire(Actor.system(), "a", "from inside")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside");
    assertThat(directory.writes).isEmpty();
    assertThat(e.tenant("a").as(Actor.system()).history().verify().intact()).isTrue();
  }

  // ---------------------------------------------------------------- the move

  private Restock movable() {
    FakeChainStore east = directory.existing("a", "east");
    east.append("one");
    east.append("two");
    east.append("three");
    return engine();
  }

  @Test
  void aFailedCopyLeavesTheTenantWhereItWasAndServed() {
    Restock e = movable();
    Restock a = e.tenant("a");
    assertThat(a.as(Actor.system()).history().verify().checked()).isEqualTo(3);
    directory.copying = FakeTenantDirectory.Copy.FAILS;

    assertThatThrownBy(() -> e.tenants().move(Actor.system(), "a", "west", "rebalance"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("injected");

    assertThat(directory.writes).containsExactly("copy a to west");
    assertThat(e.tenants().find("a").placement()).isEqualTo("east");
    directory.storeOf("a", "east").append("four");
    assertThat(a.as(Actor.system()).history().verify().checked()).isEqualTo(4);
    assertThat(directory.events).isEmpty();
  }

  @Test
  void aCopyWhoseChainDoesNotVerifyIsNotPlaced() {
    Restock e = movable();
    directory.copying = FakeTenantDirectory.Copy.TAMPERED;
    assertThatThrownBy(() -> e.tenants().move(Actor.system(), "a", "west", "rebalance"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not verify");
    assertThat(directory.writes).containsExactly("copy a to west");
    assertThat(e.tenants().find("a").placement()).isEqualTo("east");
    assertThat(e.tenant("a").as(Actor.system()).history().verify().intact()).isTrue();
  }

  @Test
  void aCopyMissingTheNewestRevisionIsNotPlaced() {
    Restock e = movable();
    directory.copying = FakeTenantDirectory.Copy.SHORT;
    assertThatThrownBy(() -> e.tenants().move(Actor.system(), "a", "west", "rebalance"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not at the source's head");
    assertThat(directory.writes).containsExactly("copy a to west");
    assertThat(e.tenants().find("a").placement()).isEqualTo("east");
  }

  @Test
  void aMoveSwitchesTheEngineHandedOutBeforeToTheTargetAndIsRecorded() {
    Restock e = movable();
    Restock a = e.tenant("a");
    ChainHead before = directory.storeOf("a", "east").head;
    assertThat(a.as(Actor.system()).history().verify().checked()).isEqualTo(3);

    Tenant moved = e.tenants().move(Actor.system(), "a", "west", "rebalance");

    assertThat(moved.placement()).isEqualTo("west");
    assertThat(directory.writes).containsExactly("copy a to west", "place a at west");
    assertThat(directory.storeOf("a", "west").head).isEqualTo(before);
    // a revision only the target has: the engine handed out before reads it
    directory.storeOf("a", "west").append("four at west");
    assertThat(a.as(Actor.system()).history().verify().checked()).isEqualTo(4);
    assertThat(directory.events).singleElement().satisfies(ev -> {
      assertThat(ev.action()).isEqualTo("tenant.move");
      assertThat(ev.tenantId()).isEqualTo("a");
      assertThat(ev.reason()).isEqualTo("rebalance");
      assertThat(ev.detail()).contains("from east to west");
      assertThat(ev.actorId()).isEqualTo(Actor.SYSTEM_ID);
    });
    assertThatThrownBy(() -> e.tenants().move(Actor.system(), "a", "west", "again"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> e.tenants().move(Actor.user(UUID.randomUUID()), "a", "east", "x"))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void aMoveWithABadTargetAndNoReasonNamesBothAndTouchesNothing() {
    Restock e = movable();
    ValidationException bad = (ValidationException) catchThrowable(
        () -> e.tenants().move(Actor.system(), "a", "south", " "));
    assertThat(bad.violations()).extracting(v -> v.field())
        .containsExactly("reason", "targetPlacement");
    assertThat(bad.getMessage()).contains("[east, west]").contains("'south'");
    assertThatThrownBy(() -> e.tenants().move(Actor.system(), "zz", "west", "why"))
        .isInstanceOf(NotFoundException.class);
    assertThat(directory.writes).isEmpty();
    assertThat(directory.events).isEmpty();
  }

  /** Waits until {@code thread} blocks, without sleeping: it is then waiting at the gate. */
  static void waitUntilWaiting(Thread thread) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the thread never waited; it is " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(1, TimeUnit.MINUTES)) {
        throw new AssertionError("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
