package dev.restock.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.UnsuitableDataSourceException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinitionCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The auto-configuration's conditions and lifecycle, on an application's own H2 pool. */
class RestockAutoConfigurationTest {
  private HikariDataSource pool;
  private ApplicationContextRunner runner;

  @BeforeEach
  void applicationPool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:auto" + TestDatabases.token() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    pool = new HikariDataSource(config);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RestockAutoConfiguration.class))
        .withBean(DataSource.class, () -> pool, unclosed());
  }

  /**
   * The pool as a bean that the context itself does not close (it would infer {@code close()}),
   * so that what closes it can only be the engine.
   */
  private static BeanDefinitionCustomizer unclosed() {
    return definition -> definition.setDestroyMethodName("");
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  private static CreateProduct product(String sku) {
    return new CreateProduct(sku, sku, "Drinks", new BigDecimal("1.00"), 1);
  }

  private long products() {
    return new JdbcTemplate(pool).queryForObject("select count(*) from product", Long.class);
  }

  @Test
  void closingTheContextClosesTheEngineButNotTheApplicationsPool() {
    AtomicReference<Restock> engine = new AtomicReference<>();
    runner.run(context -> {
      assertThat(context).hasSingleBean(Restock.class).hasSingleBean(SpringHostTransactions.class);
      engine.set(context.getBean(Restock.class));
      engine.get().as(Actor.system()).products().create(product("COLA"));
    });

    assertThat(engine.get().health().up()).as("the engine was closed").isFalse();
    assertThat(pool.isClosed()).isFalse();
    assertThat(products()).isEqualTo(1);
  }

  @Test
  void disabledByProperty() {
    runner.withPropertyValues("restock.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(Restock.class));
  }

  @Test
  void backsOffForTheApplicationsOwnEngine() {
    runner.withBean("ownEngine", Restock.class,
            () -> RestockEngine.builder().store(JpaStores.dataSource(pool)).build())
        .run(context -> assertThat(context).hasSingleBean(Restock.class)
            .hasBean("ownEngine").doesNotHaveBean("restock"));
  }

  @Test
  void withoutJoiningEveryUseCaseCommitsOnItsOwn() {
    runner.withPropertyValues("restock.join-transactions=false").run(context -> {
      Restock engine = context.getBean(Restock.class);
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
      tx.executeWithoutResult(status -> {
        engine.as(Actor.system()).products().create(product("COLA"));
        status.setRollbackOnly();
      });
      assertThat(products()).isEqualTo(1);
    });
  }

  @Test
  void joiningIsTheDefaultWithATransactionTemplateToo() {
    runner.run(context -> {
      Restock engine = context.getBean(Restock.class);
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
      tx.executeWithoutResult(status -> {
        engine.as(Actor.system()).products().create(product("COLA"));
        status.setRollbackOnly();
      });
      assertThat(products()).isZero();
    });
  }

  @Test
  void aSqlitePoolWithoutTheEngineSettingsFailsTheStartNamingThem(@TempDir Path dir) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("plain.db"));
    try (HikariDataSource plain = new HikariDataSource(config)) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(RestockAutoConfiguration.class))
          .withBean(DataSource.class, () -> plain, unclosed())
          .run(context -> {
            assertThat(context).hasFailed();
            Throwable root = context.getStartupFailure();
            while (!(root instanceof UnsuitableDataSourceException) && root.getCause() != null) {
              root = root.getCause();
            }
            assertThat(root).isInstanceOf(UnsuitableDataSourceException.class)
                .hasMessageContaining("journal_mode=WAL")
                .hasMessageContaining("transaction_mode=IMMEDIATE")
                .hasMessageContaining("spring.datasource.hikari.data-source-properties");
          });
      assertThat(plain.isClosed()).isFalse();
    }
  }
}
