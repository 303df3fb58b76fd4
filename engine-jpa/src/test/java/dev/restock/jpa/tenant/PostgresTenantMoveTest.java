package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.PageRequest;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant moved between two PostgreSQL databases by the engine while a writer keeps writing to
 * it: no write that returned is lost, none lands on the old shard after the switch, and the
 * writer never sees an error (its calls wait while the move runs).
 */
class PostgresTenantMoveTest {
  private String one;
  private String two;
  private String urlOne;
  private String urlTwo;
  private Restock engine;

  @BeforeEach
  void twoShards() throws Exception {
    Sql.requirePostgres();
    one = "restock_mv1_" + Sql.token();
    two = "restock_mv2_" + Sql.token();
    urlOne = Sql.createDatabase(one);
    urlTwo = Sql.createDatabase(two);
    engine = RestockEngine.builder()
        .tenants(JpaTenants.postgresShards(Map.of(
            "one", new ShardLocation(urlOne, Sql.POSTGRES_USER, ""),
            "two", new ShardLocation(urlTwo, Sql.POSTGRES_USER, "")), "one"))
        .build();
  }

  @AfterEach
  void dropShards() throws Exception {
    try {
      if (engine != null) {
        engine.close();
      }
    } finally {
      if (one != null) {
        Sql.dropDatabase(one);
      }
      if (two != null) {
        Sql.dropDatabase(two);
      }
    }
  }

  @Test
  void aMoveUnderConcurrentWritesLosesNothingAndLeavesNothingOnTheOldShard() throws Exception {
    engine.tenants().add(Actor.system().withReason("test"), new NewTenant("acme", "Acme"));
    Restock acme = engine.tenant("acme");
    User admin = acme.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    RestockSession ops = acme.as(Actor.user(admin.id()).withReason("writing while moving"));

    List<String> committed = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch someWritten = new CountDownLatch(5);
    CountDownLatch moreAfterMove = new CountDownLatch(1);
    AtomicReference<Integer> countAtSwitch = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; !stop.get(); i++) {
          Product p = ops.products().create(new CreateProduct(
              "P-" + i, "Product " + i, null, new BigDecimal("1.00"), 12));
          committed.add(p.sku());
          someWritten.countDown();
          if (countAtSwitch.get() != null && committed.size() > countAtSwitch.get() + 3) {
            moreAfterMove.countDown();
          }
        }
      } catch (Throwable t) {
        writerFailure.set(t);
        someWritten.countDown();
        moreAfterMove.countDown();
      }
    }, "writer");
    writer.start();
    assertThat(someWritten.await(60, TimeUnit.SECONDS)).isTrue();

    Tenant moved = engine.tenants().move(Actor.system(), "acme", "two", "rebalance shards");
    countAtSwitch.set(committed.size());
    assertThat(moreAfterMove.await(60, TimeUnit.SECONDS)).as("writes after the move").isTrue();
    stop.set(true);
    writer.join(TimeUnit.SECONDS.toMillis(60));

    assertThat(writerFailure.get()).as("the writer saw no error").isNull();
    assertThat(moved.placement()).isEqualTo("two");
    assertThat(engine.tenants().find("acme").placement()).isEqualTo("two");

    // every write that returned is on the target, through the engine and in its tables
    List<String> onTarget = new ArrayList<>();
    for (Product p : ops.products().list(PageRequest.of(0, 1000)).items()) {
      onTarget.add(p.sku());
    }
    assertThat(onTarget).containsExactlyInAnyOrderElementsOf(committed);
    assertThat(Sql.count(urlTwo, Sql.POSTGRES_USER, "", "tenant_acme.product"))
        .isEqualTo(committed.size());
    assertThat(ops.history().verify().intact()).isTrue();

    // the old shard has no live schema of the tenant, and its renamed copy stopped at the switch
    assertThat(schemas(urlOne, "tenant_acme")).isEmpty();
    List<String> renamed = schemas(urlOne, "tenant_acme_moved_%");
    assertThat(renamed).hasSize(1);
    Set<String> onOld = new HashSet<>(skus(urlOne, renamed.get(0)));
    assertThat(onOld.size()).isLessThanOrEqualTo(countAtSwitch.get());
    assertThat(committed.subList(0, onOld.size())).containsExactlyInAnyOrderElementsOf(onOld);
    assertThat(committed.size()).isGreaterThan(onOld.size());

    assertThat(engine.tenants().events(Actor.system())).extracting(TenantEvent::action)
        .containsSubsequence("tenant.add", "tenant.move");
  }

  private static List<String> schemas(String url, String pattern) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, Sql.POSTGRES_USER, "");
        PreparedStatement p = c.prepareStatement(
            "select nspname from pg_namespace where nspname like ? order by nspname")) {
      p.setString(1, pattern);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
    }
    return names;
  }

  /** Skus in {@code schema}'s product table (a test-made schema name read from pg_namespace). */
  private static List<String> skus(String url, String schema) throws Exception {
    List<String> skus = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, Sql.POSTGRES_USER, "");
        PreparedStatement p = c.prepareStatement("select sku from " + schema + ".product");
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        skus.add(r.getString(1));
      }
    }
    return skus;
  }
}
