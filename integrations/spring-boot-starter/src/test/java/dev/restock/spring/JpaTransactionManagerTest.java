package dev.restock.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.spring.app.RecordingSink;
import dev.restock.spring.jpa.HostInvoice;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A host on JPA: its own entity manager factory and {@link JpaTransactionManager} over the same
 * DataSource. The engine joins the JPA transaction through the JDBC connection it exposes.
 */
class JpaTransactionManagerTest {
  private HikariDataSource pool;

  @Configuration(proxyBeanMethods = false)
  static class JpaHost {
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
      LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
      factory.setDataSource(dataSource);
      factory.setPackagesToScan(HostInvoice.class.getPackageName());
      factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
      factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create"));
      return factory;
    }

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory emf, DataSource dataSource) {
      JpaTransactionManager manager = new JpaTransactionManager(emf);
      manager.setDataSource(dataSource);
      return manager;
    }

    @Bean
    RecordingSink recordingSink() {
      return new RecordingSink();
    }
  }

  @BeforeEach
  void applicationPool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:jpa" + TestDatabases.token() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    pool = new HikariDataSource(config);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RestockAutoConfiguration.class))
        .withBean(DataSource.class, () -> pool, d -> d.setDestroyMethodName(""))
        .withUserConfiguration(JpaHost.class);
  }

  private long count(String table) {
    return new JdbcTemplate(pool).queryForObject("select count(*) from " + table, Long.class);
  }

  @Test
  void theEngineAndTheHostsEntitiesCommitAndRollBackInOneJpaTransaction() {
    runner().run(context -> {
      Restock engine = context.getBean(Restock.class);
      RecordingSink sink = context.getBean(RecordingSink.class);
      EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
      TransactionTemplate tx = new TransactionTemplate(
          context.getBean(JpaTransactionManager.class));
      long revisions = count("audit_revision");

      assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
        em.persist(new HostInvoice(1, "for COLA"));
        engine.as(Actor.system()).products().create(
            new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
        engine.as(Actor.system()).locations().create(new CreateLocation("Depot", "1 Main St"));
        throw new IllegalStateException("the host failed");
      })).hasMessageContaining("the host failed");
      assertThat(count("host_invoice")).isZero();
      assertThat(count("product")).isZero();
      assertThat(count("location")).isZero();
      assertThat(count("audit_revision")).isEqualTo(revisions);
      assertThat(sink.events()).isEmpty();

      tx.executeWithoutResult(status -> {
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(emf);
        em.persist(new HostInvoice(2, "for TEA"));
        engine.as(Actor.system()).products().create(
            new CreateProduct("TEA", "Tea", "Drinks", new BigDecimal("1.00"), 6));
        engine.as(Actor.system()).locations().create(new CreateLocation("Depot", "1 Main St"));
        assertThat(sink.events()).isEmpty();
      });
      assertThat(count("host_invoice")).isEqualTo(1);
      assertThat(count("product")).isEqualTo(1);
      assertThat(count("location")).isEqualTo(1);
      assertThat(count("audit_revision")).isEqualTo(revisions + 1);
      assertThat(sink.events()).hasSize(2);
      assertThat(engine.as(Actor.system()).history().verify().intact()).isTrue();
    });
  }
}
