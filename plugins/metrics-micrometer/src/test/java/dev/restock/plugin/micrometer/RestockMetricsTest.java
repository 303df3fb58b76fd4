package dev.restock.plugin.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.ops.Health;
import dev.restock.api.ops.Statistics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestockMetricsTest {
  private static Restock engine(AtomicLong statements) {
    return (Restock) Proxy.newProxyInstance(Restock.class.getClassLoader(),
        new Class<?>[] {Restock.class}, (proxy, method, args) -> switch (method.getName()) {
          case "statistics" -> new Statistics(statements.get(), 3, 4, 5, 6, 7, 8, List.of(), 9, 1);
          case "health" -> new Health(true, "test", Duration.ofMillis(1), "3",
              new Health.PoolStatus(2, 3, 1, 10), null);
          case "storeDescription" -> "jpa-test";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void withHibernateNamesTheStatisticsCarryHibernatesMeterNamesAndPoolGaugesCanBeLeftOut() {
    AtomicLong statements = new AtomicLong(10);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new RestockMetrics(engine(statements), Tags.of("entityManagerFactory", "restock"),
        RestockMetrics.Naming.HIBERNATE, false).bindTo(registry);

    assertThat(registry.get("hibernate.statements").tags("entityManagerFactory", "restock",
        "status", "prepared").functionCounter().count()).isEqualTo(10);
    assertThat(registry.get("hibernate.transactions").tag("result", "success").functionCounter()
        .count()).isEqualTo(3);
    assertThat(registry.get("hibernate.entities.inserts").functionCounter().count()).isEqualTo(5);
    assertThat(registry.get("hibernate.query.executions").functionCounter().count())
        .isEqualTo(8);
    assertThat(registry.get("hibernate.second.level.cache.requests").tag("result", "miss")
        .functionCounter().count()).isEqualTo(1);
    assertThat(registry.find("restock.statements").meter()).isNull();
    assertThat(registry.find("restock.pool.active").meter()).isNull();
    assertThat(registry.get("restock.up").gauge().value()).isEqualTo(1);
  }

  @Test
  void countersFollowTheStatisticsAndGaugesThePool() {
    AtomicLong statements = new AtomicLong(10);
    AtomicInteger healthCalls = new AtomicInteger();
    Restock engine = (Restock) Proxy.newProxyInstance(Restock.class.getClassLoader(),
        new Class<?>[] {Restock.class}, (proxy, method, args) -> switch (method.getName()) {
          case "statistics" -> new Statistics(statements.get(), 3, 4, 5, 6, 7, 8, List.of(), 9, 1);
          case "health" -> {
            healthCalls.incrementAndGet();
            yield new Health(true, "test", Duration.ofMillis(1), "3",
                new Health.PoolStatus(2, 3, 1, 10), null);
          }
          case "storeDescription" -> "jpa-test";
          default -> throw new UnsupportedOperationException(method.getName());
        });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new RestockMetrics(engine).bindTo(registry);

    assertThat(registry.get("restock.statements").functionCounter().count()).isEqualTo(10);
    statements.set(25);
    assertThat(registry.get("restock.statements").functionCounter().count()).isEqualTo(25);
    assertThat(registry.get("restock.cache.hits").functionCounter().count()).isEqualTo(9);
    assertThat(registry.get("restock.pool.active").gauge().value()).isEqualTo(2);
    assertThat(registry.get("restock.pool.waiting").gauge().value()).isEqualTo(1);
    assertThat(registry.get("restock.up").tag("store", "jpa-test").gauge().value()).isEqualTo(1);
    assertThat(healthCalls.get()).as("health is read at most once a second").isEqualTo(1);
  }
}
