package dev.restock.jpa.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.error.ConflictException;
import dev.restock.api.error.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A lost database connection reaches the caller as the typed, retryable
 * {@link StoreUnavailableException}, however Hibernate, HikariCP or the driver wrapped it (the
 * shapes seen when PostgreSQL restarts under load; see PostgresRestartIT).
 */
class ConnectionLossTranslationTest {

  @Test
  void aServerShuttingDownMidStatementIsUnavailableNotAGenericJdbcError() {
    // what Hibernate throws when PostgreSQL terminates the connection in a restart
    RuntimeException failure = new GenericJDBCException("JDBC exception executing SQL",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

    RuntimeException translated = Failures.translate(failure);

    assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasCause(failure)
        .hasMessageContaining("the database cannot be reached or dropped the connection")
        .hasMessageContaining("terminating connection due to administrator command")
        .hasMessageContaining("retry");
  }

  @Test
  void aConnectionBrokenAtCommitIsUnavailable() {
    RuntimeException failure = new TransactionException("Unable to commit against JDBC Connection",
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    assertThat(Failures.translate(failure)).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aPoolThatCannotHandOutAConnectionInTimeIsUnavailable() {
    RuntimeException failure = new JDBCConnectionException("Unable to acquire JDBC Connection",
        new SQLTransientConnectionException("restock-postgresql - Connection is not available, "
            + "request timed out after 30000ms"));

    assertThat(Failures.translate(failure)).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("Connection is not available");
  }

  @Test
  void otherFailuresKeepTheirTranslation() {
    RuntimeException duplicate = new ConstraintViolationException("duplicate",
        new SQLException("duplicate key value violates unique constraint", "23505"),
        "ux_product_sku");
    IllegalStateException bug = new IllegalStateException("a bug");

    assertThat(Failures.translate(duplicate)).isInstanceOf(ConflictException.class);
    assertThat(Failures.translate(bug)).isSameAs(bug);
  }
}
