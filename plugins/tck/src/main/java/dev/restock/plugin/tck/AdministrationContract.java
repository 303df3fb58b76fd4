package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.RestockException;
import dev.restock.api.seed.ReferenceData;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may administer, on any store: the first administrator is made without an acting one (the
 * bootstrap) only while no administrator has ever existed, and exactly one of many concurrent
 * bootstraps wins; the last active administrator can be neither deactivated, demoted nor deleted,
 * also when several try at once; a user holding open service orders can be neither deactivated
 * nor deleted. Every refusal is typed and writes nothing.
 *
 * <p>Extend it with an engine on a new, empty store. The concurrent cases need a store that lets
 * {@link #threads} units of work wait for each other (every store must).
 */
public abstract class AdministrationContract {
  private Restock engine;
  private Store store;

  /**
   * An engine on a new, empty store, opened through {@code wrap}: the suite keeps the store it is
   * given, to set up states the use cases refuse to reach (an administrator deleted behind the
   * engine, as an older release allowed).
   */
  protected abstract Restock openEngine(UnaryOperator<Store> wrap);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Rows of a table, soft-deleted ones included, for stores that have tables; empty (the
   * default) for stores without. Tables asked for: app_user, audit_log.
   */
  protected OptionalLong rowCount(String table) {
    return OptionalLong.empty();
  }

  /** How many threads race in the concurrent cases. */
  protected int threads() {
    return 8;
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  private RestockSession start() {
    engine = openEngine(opened -> {
      store = opened;
      return opened;
    });
    return engine.as(Actor.system());
  }

  private RestockSession as(User user) {
    return engine.as(Actor.user(user.id()));
  }

  private static CreateUser user(String name, Role role) {
    return new CreateUser(name, name + "@example.com", role);
  }

  private List<User> administrators(Visibility visibility) {
    return engine.as(Actor.system()).users()
        .find(Criteria.where("role", Criteria.Operator.EQ, Role.ADMIN), PageRequest.of(0, 100),
            visibility).items();
  }

  private long activeAdministrators() {
    return administrators(Visibility.LIVE).stream().filter(User::active).count();
  }

  /** A snapshot of what a refusal must leave as it was. */
  private record Snapshot(List<User> users, OptionalLong userRows, OptionalLong events) {}

  private Snapshot snapshot() {
    return new Snapshot(engine.as(Actor.system()).users()
        .list(PageRequest.of(0, 100), Visibility.INCLUDE_DELETED).items(),
        rowCount("app_user"), rowCount("audit_log"));
  }

  /** Runs {@code work} on the store behind the engine, as an older release or a script would. */
  private void behindTheEngine(Function<Store, Object> work) {
    store.transactions().write(new AuditContext(Actor.system(), "test.setup"),
        () -> work.apply(store));
  }

  @Test
  public void theLastActiveAdministratorCanNeitherBeDeactivatedNorDemotedNorDeleted() {
    RestockSession system = start();
    User olga = system.users().create(user("olga", Role.ADMIN));
    RestockSession self = as(olga);
    Snapshot before = snapshot();

    assertThatThrownBy(() -> self.users().deactivate(olga.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("olga").hasMessageContaining("last active administrator");
    assertThatThrownBy(() -> self.users().delete(olga.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("last active administrator");
    assertThatThrownBy(() -> self.users().update(olga.id(), new UpdateUser(null, null, false)))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("last active administrator");
    assertThatThrownBy(() -> self.users().update(olga.id(),
        new UpdateUser(null, Role.MANAGER, null)))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("demote");
    // the system actor may do everything else, but not this
    assertThatThrownBy(() -> system.users().delete(olga.id()))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(activeAdministrators()).isEqualTo(1);

    // with a second active administrator, either may leave, and then the other is the last
    User ada = self.users().create(user("ada", Role.ADMIN));
    self.users().deactivate(olga.id());
    as(ada).users().delete(olga.id());
    assertThatThrownBy(() -> as(ada).users().delete(ada.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("ada");
    assertThat(administrators(Visibility.LIVE)).extracting(User::username).containsExactly("ada");
  }

  @Test
  public void anInactiveAdministratorIsNotTheLastOne() {
    RestockSession system = start();
    User olga = system.users().create(user("olga", Role.ADMIN));
    User ada = as(olga).users().create(user("ada", Role.ADMIN));
    as(olga).users().deactivate(ada.id());

    assertThatThrownBy(() -> as(olga).users().deactivate(olga.id()))
        .isInstanceOf(IllegalStateTransitionException.class);
    // an inactive administrator is no one's last line; deleting them is fine
    as(olga).users().delete(ada.id());
    assertThat(activeAdministrators()).isEqualTo(1);
  }

  @Test
  public void theBootstrapIsOpenOnlyWhileNoAdministratorHasEverExisted() {
    RestockSession system = start();
    // non-administrators do not close it
    User vic = system.users().create(user("vic", Role.VIEWER));
    User olga = system.users().create(user("olga", Role.ADMIN));
    Snapshot before = snapshot();

    assertThatThrownBy(() -> system.users().create(user("mallory", Role.ADMIN)))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("user.create").hasMessageContaining("administrator");
    assertThatThrownBy(() -> system.users().update(vic.id(), new UpdateUser(null, Role.ADMIN,
        null))).isInstanceOf(PermissionDeniedException.class);
    assertThat(snapshot()).isEqualTo(before);

    // an acting administrator may make more
    User ada = as(olga).users().create(user("ada", Role.ADMIN));
    assertThat(as(olga).users().update(vic.id(), new UpdateUser(null, Role.ADMIN, null)).role())
        .isEqualTo(Role.ADMIN);
    assertThat(administrators(Visibility.LIVE)).extracting(User::username)
        .containsExactlyInAnyOrder("olga", "ada", "vic");
    assertThat(ada.active()).isTrue();
  }

  @Test
  public void aDeletedAdministratorKeepsTheBootstrapClosed() {
    RestockSession system = start();
    User olga = system.users().create(user("olga", Role.ADMIN));
    // a store in which the last administrator was deleted, as older releases allowed
    behindTheEngine(s -> {
      s.users().softDelete(olga.id());
      return null;
    });
    assertThat(activeAdministrators()).isZero();
    Snapshot before = snapshot();

    assertThatThrownBy(() -> system.users().create(user("mallory", Role.ADMIN)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> system.users().restore(olga.id()))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> engine.seed(new ReferenceData(List.of(), List.of(),
        user("mallory", Role.ADMIN)))).isInstanceOf(PermissionDeniedException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(administrators(Visibility.INCLUDE_DELETED)).extracting(User::username)
        .containsExactly("olga");
  }

  @Test
  public void aDemotedAdministratorInHistoryKeepsTheBootstrapClosed() {
    RestockSession system = start();
    User olga = system.users().create(user("olga", Role.ADMIN));
    behindTheEngine(s -> s.users().update(new User(olga.id(), olga.username(), olga.email(),
        Role.MANAGER, true, olga.version(), olga.stamp(), null)));
    assertThat(administrators(Visibility.INCLUDE_DELETED)).isEmpty();
    Snapshot before = snapshot();

    assertThatThrownBy(() -> system.users().create(user("mallory", Role.ADMIN)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void ofManyConcurrentBootstrapsExactlyOneSucceeds() throws Exception {
    start();
    int n = threads();
    List<Object> outcomes = race(n, i -> engine.as(Actor.system()).users()
        .create(user("admin" + i, Role.ADMIN)));

    assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !(o instanceof User))
        .hasSize(n - 1)
        .allSatisfy(o -> assertThat(o).isInstanceOf(PermissionDeniedException.class));
    assertThat(administrators(Visibility.INCLUDE_DELETED)).hasSize(1);
  }

  @Test
  public void ofManyConcurrentSeedsWithAnAdministratorExactlyOneAddsIt() throws Exception {
    start();
    int n = threads();
    List<Object> outcomes = race(n, i -> engine.seed(new ReferenceData(List.of(), List.of(),
        user("root" + i, Role.ADMIN))));

    // a seed that finds the administrator already there leaves it unchanged or is refused
    assertThat(outcomes).allSatisfy(o -> assertThat(o)
        .isInstanceOfAny(ReferenceData.Report.class, PermissionDeniedException.class));
    assertThat(outcomes).filteredOn(ReferenceData.Report.class::isInstance)
        .map(ReferenceData.Report.class::cast)
        .filteredOn(r -> !r.created().isEmpty()).hasSize(1);
    assertThat(administrators(Visibility.INCLUDE_DELETED)).hasSize(1);
  }

  @Test
  public void administratorsLeavingAtOnceLeaveExactlyOneActive() throws Exception {
    RestockSession system = start();
    int n = threads();
    User first = system.users().create(user("admin0", Role.ADMIN));
    List<User> admins = new ArrayList<>(List.of(first));
    for (int i = 1; i < n; i++) {
      admins.add(as(first).users().create(user("admin" + i, Role.ADMIN)));
    }

    // each deactivates or deletes themself; without one lock they could all see another remain
    List<Object> outcomes = race(n, i -> {
      User me = admins.get(i);
      if (i % 2 == 0) {
        return as(me).users().deactivate(me.id());
      }
      as(me).users().delete(me.id());
      return me.id();
    });

    assertThat(activeAdministrators()).isEqualTo(1);
    assertThat(outcomes).filteredOn(o -> o instanceof Throwable).singleElement()
        .isInstanceOf(IllegalStateTransitionException.class);
  }

  @Test
  public void aDriverHoldingOpenOrdersCanNeitherBeDeletedNorDeactivated() {
    RestockSession system = start();
    User admin = system.users().create(user("admin", Role.ADMIN));
    RestockSession ops = as(admin);
    EngineFixture.Fleet fleet = EngineFixture.fleet(ops);
    EngineFixture.device(ops, fleet, "M1", 1, 2);
    User dave = ops.users().create(user("dave", Role.DRIVER));
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route().id()));
    ops.serviceOrders().assign(order.id(), dave.id());
    Snapshot before = snapshot();

    assertThatThrownBy(() -> ops.users().delete(dave.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("dave").hasMessageContaining(order.number());
    assertThatThrownBy(() -> ops.users().deactivate(dave.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining(order.number());
    assertThat(snapshot()).isEqualTo(before);
    assertThat(ops.users().get(dave.id()).deletedAt()).isNull();
    assertThat(ops.serviceOrders().get(order.id()))
        .extracting(ServiceOrder::driverId, ServiceOrder::status)
        .containsExactly(dave.id(), OrderStatus.ASSIGNED);

    // once the order is no longer open, the driver may go
    ops.serviceOrders().cancel(order.id(), "driver leaves");
    ops.users().delete(dave.id());
    assertThat(ops.users().list(PageRequest.of(0, 100)).items()).extracting(User::username)
        .containsExactly("admin");
  }

  /**
   * Starts {@code n} calls at once and waits for all: each outcome is the call's result or the
   * {@link RestockException} it threw (anything else fails the test).
   */
  private List<Object> race(int n, IndexedCall call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Object> task = () -> {
          ready.countDown();
          go.await();
          try {
            return call.run(index);
          } catch (RestockException e) {
            return e;
          }
        };
        futures.add(pool.submit(task));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : futures) {
        outcomes.add(f.get(120, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One racing call, given its index. */
  @FunctionalInterface
  private interface IndexedCall {
    Object run(int index);
  }
}
