package dev.restock.spring;

import dev.restock.jpa.tx.HostTransaction;
import dev.restock.jpa.tx.HostTransactions;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as the engine's store sees them: a Spring-managed transaction
 * ({@code @Transactional}, {@code TransactionTemplate}) that holds a connection of the engine's
 * {@code DataSource} is one the engine's units of work join. Works with every transaction
 * manager that binds that {@code DataSource}'s connection to the thread:
 * {@code DataSourceTransactionManager} (and {@code JdbcTransactionManager}), and
 * {@code JpaTransactionManager} when it is given the same {@code DataSource}.
 *
 * <p>What the engine gets: the transaction's connection (the one Spring's {@code JdbcTemplate}
 * would use, through {@link DataSourceUtils}), the read-only flag, the bound connection holder's
 * rollback-only mark, and a {@link TransactionSynchronization} per joined unit of work, bound
 * as a transaction resource, so that a nested {@code REQUIRES_NEW} transaction (which suspends
 * this one) gets a unit of its own. No transaction, or one that holds no connection of this
 * {@code DataSource} (another resource's, or {@code SUPPORTS} without a transaction), is none
 * for the engine: it then runs its own units of work.
 */
public final class SpringHostTransactions implements HostTransactions {
  private final DataSource dataSource;

  /** @param dataSource the engine's {@code DataSource}, the one the transactions are on */
  public SpringHostTransactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<HostTransaction> current() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return Optional.empty();
    }
    // a holder bound by the transaction manager; DataSourceUtils alone would bind a new,
    // auto-committing connection where the transaction holds none of this DataSource
    if (!(TransactionSynchronizationManager.getResource(dataSource)
        instanceof ConnectionHolder holder)) {
      return Optional.empty();
    }
    return Optional.of(new SpringTransaction(dataSource, holder));
  }

  private record SpringTransaction(DataSource dataSource, ConnectionHolder holder)
      implements HostTransaction {
    @Override
    public Connection connection() {
      // with the holder bound this is the transaction's connection; releasing only counts down
      // the holder's references, the connection stays with the transaction
      Connection connection = DataSourceUtils.getConnection(dataSource);
      DataSourceUtils.releaseConnection(connection, dataSource);
      return connection;
    }

    @Override
    public boolean readOnly() {
      return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    @Override
    public void setRollbackOnly() {
      holder.setRollbackOnly();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <P extends Participant> P participant(Object key, Supplier<P> join) {
      if (TransactionSynchronizationManager.getResource(key) instanceof Joined joined) {
        return (P) joined.participant;
      }
      P participant = join.get();
      Joined joined = new Joined(key, participant);
      TransactionSynchronizationManager.bindResource(key, joined);
      TransactionSynchronizationManager.registerSynchronization(joined);
      return participant;
    }
  }

  /** A participant bound to one Spring transaction, following it through suspension. */
  private static final class Joined implements TransactionSynchronization {
    private final Object key;
    private final HostTransaction.Participant participant;

    Joined(Object key, HostTransaction.Participant participant) {
      this.key = key;
      this.participant = participant;
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(key);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(key, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      participant.beforeCommit();
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(key);
      participant.afterCompletion(status == STATUS_COMMITTED);
    }
  }
}
