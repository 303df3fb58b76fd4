package dev.restock.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.spring.app.HostApplication;
import dev.restock.spring.app.RecordingSink;
import dev.restock.spring.app.StockingService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A Spring Boot host with its own DataSource, its own Flyway migrations in the same schema and
 * {@code @Transactional} services, running the engine through the starter. Each database's
 * subclass points {@code spring.datasource.*} at a database of its own.
 */
@SpringBootTest(classes = HostApplication.class)
abstract class HostApplicationContract {
  private static final List<String> WRITTEN = List.of("product", "product_aud", "location",
      "location_aud", "audit_revision", "audit_log", "host_invoice");

  @Autowired
  Restock restock;
  @Autowired
  StockingService service;
  @Autowired
  RecordingSink sink;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;
  @Autowired
  ApplicationContext context;

  private int seenBefore;

  @BeforeEach
  void noteTheSink() {
    seenBefore = sink.events().size();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (String table : WRITTEN) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private String chainHead() {
    return jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class)
        + ":" + jdbc.queryForObject("select hash from audit_chain_head where id = 1",
        String.class);
  }

  private List<AuditEvent> newEvents() {
    return sink.events().subList(seenBefore, sink.events().size());
  }

  private boolean intact() {
    return restock.as(Actor.system()).history().verify().intact();
  }

  @Test
  void aTransactionalServiceThatThrowsAfterTwoUseCasesWritesNothing() {
    Map<String, Long> before = counts();
    String head = chainHead();

    assertThatThrownBy(() -> service.productThenLocation("FAIL-1", "Nowhere", true))
        .hasMessageContaining("the host failed after two use cases");

    assertThat(counts()).isEqualTo(before);
    assertThat(chainHead()).isEqualTo(head);
    assertThat(newEvents()).isEmpty();
    assertThat(intact()).isTrue();
  }

  @Test
  void theSameServiceWithoutTheThrowCommitsBothAsOneRevisionAndSinksSeeThemAfterTheCommit() {
    Map<String, Long> before = counts();

    int seenInside = service.productThenLocation("OK-1", "Depot", false);

    assertThat(seenInside).as("the sink waits for the commit").isEqualTo(seenBefore);
    Map<String, Long> after = counts();
    assertThat(after.get("product")).isEqualTo(before.get("product") + 1);
    assertThat(after.get("location")).isEqualTo(before.get("location") + 1);
    assertThat(after.get("product_aud")).isEqualTo(before.get("product_aud") + 1);
    assertThat(after.get("location_aud")).isEqualTo(before.get("location_aud") + 1);
    assertThat(after.get("audit_revision")).as("one revision for the host's transaction")
        .isEqualTo(before.get("audit_revision") + 1);
    assertThat(after.get("audit_log")).isEqualTo(before.get("audit_log") + 2);
    assertThat(newEvents()).extracting(AuditEvent::action)
        .containsExactly("product.create", "location.create");
    assertThat(intact()).isTrue();
  }

  @Test
  void theEnginesWritesAndTheHostsOwnTableCommitAndRollBackTogether() {
    Map<String, Long> before = counts();
    assertThatThrownBy(() -> service.invoiceWithProduct(1, "INV-FAIL", true))
        .hasMessageContaining("after writing an invoice");
    assertThat(counts()).isEqualTo(before);

    service.invoiceWithProduct(2, "INV-OK", false);
    Map<String, Long> after = counts();
    assertThat(after.get("host_invoice")).isEqualTo(before.get("host_invoice") + 1);
    assertThat(after.get("product")).isEqualTo(before.get("product") + 1);
    assertThat(intact()).isTrue();
  }

  /**
   * Whether a second write transaction can begin while one is open (SQLite: no, one writer at a
   * time; a transaction that begins IMMEDIATE waits for the lock the outer one holds).
   */
  protected boolean concurrentWriters() {
    return true;
  }

  @Test
  void aNestedRequiresNewTransactionCommitsOnItsOwnWhileTheOuterRollsBack() {
    Map<String, Long> before = counts();
    if (!concurrentWriters()) {
      assertThatThrownBy(() -> service.productAroundAnIndependentLocation("OUTER-1", "Inner"))
          .isInstanceOf(CannotCreateTransactionException.class);
      assertThat(counts()).isEqualTo(before);
      assertThat(newEvents()).isEmpty();
      assertThat(intact()).isTrue();
      return;
    }
    assertThatThrownBy(() -> service.productAroundAnIndependentLocation("OUTER-1", "Inner"))
        .hasMessageContaining("outer transaction fails");
    Map<String, Long> after = counts();
    assertThat(after.get("product")).isEqualTo(before.get("product"));
    assertThat(after.get("location")).isEqualTo(before.get("location") + 1);
    assertThat(after.get("audit_revision")).isEqualTo(before.get("audit_revision") + 1);
    assertThat(newEvents()).extracting(AuditEvent::action).containsExactly("location.create");
    assertThat(intact()).isTrue();
  }

  @Test
  void aReadOnlyTransactionReadsButCannotWrite() {
    Map<String, Long> before = counts();
    assertThatThrownBy(() -> service.readOnlyThenWrite("RO-1"))
        .hasMessageContaining("read-only");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theHostsFlywayAndTheEnginesMigrationsShareTheSchemaInTablesOfTheirOwn() {
    assertThat(jdbc.queryForList("select \"script\" from \"flyway_schema_history\""
        + " where \"version\" is not null",
        String.class)).containsExactly("V1__host_invoice.sql");
    assertThat(jdbc.queryForObject("select count(*) from \"restock_schema_history\""
        + " where \"success\" = " + trueLiteral(), Long.class)).isGreaterThanOrEqualTo(3);
  }

  /** How the database writes a boolean literal in a comparison. */
  protected String trueLiteral() {
    return "true";
  }

  @Test
  void theHealthIndicatorReportsTheEngineUp() {
    HealthIndicator health = context.getBean("restockHealthIndicator", HealthIndicator.class);
    var result = health.health(true);
    assertThat(result.getStatus()).isEqualTo(Status.UP);
    assertThat(result.getDetails()).containsKeys("store", "schemaVersion");
  }

  @Test
  void metricsUseHibernatesNamesAndThePoolIsInstrumentedOnceByBoot() {
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    service.productThenLocation("METRICS-1", "Metered", false);
    assertThat(registry.get("hibernate.statements").tags("entityManagerFactory", "restock",
        "status", "prepared").functionCounter().count()).isPositive();
    assertThat(registry.get("hibernate.entities.inserts").tag("entityManagerFactory", "restock")
        .functionCounter().count()).isPositive();
    assertThat(registry.find("restock.pool.active").meters()).isEmpty();
    assertThat(registry.find("hikaricp.connections.active").gauges()).hasSize(1);
  }

  @Test
  void guiceStaysInsideTheEngine() {
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name);
      assertThat(type == null ? "" : type.getName()).as(name).doesNotStartWith("com.google.inject");
    }
  }
}
