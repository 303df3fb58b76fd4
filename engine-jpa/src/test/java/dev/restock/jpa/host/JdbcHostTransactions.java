package dev.restock.jpa.host;

import dev.restock.jpa.tx.HostTransaction;
import dev.restock.jpa.tx.HostTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A host's transactions by hand over plain JDBC, the least a framework does: a connection with
 * auto-commit off bound to the thread, participants called before the commit and after the end,
 * and rollback-only honoured. The test commits or rolls back itself.
 */
final class JdbcHostTransactions implements HostTransactions {
  private final DataSource dataSource;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();

  JdbcHostTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<HostTransaction> current() {
    return Optional.ofNullable(current.get());
  }

  Tx begin() {
    return begin(false);
  }

  Tx begin(boolean readOnly) {
    if (current.get() != null) {
      throw new IllegalStateException("a transaction is open on this thread");
    }
    try {
      Connection c = dataSource.getConnection();
      c.setAutoCommit(false);
      Tx tx = new Tx(c, readOnly);
      current.set(tx);
      return tx;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One transaction; closing rolls it back unless it ended. */
  final class Tx implements HostTransaction, AutoCloseable {
    private final Connection connection;
    private final boolean readOnly;
    private final Map<Object, Participant> participants = new LinkedHashMap<>();
    private boolean rollbackOnly;
    private boolean ended;

    private Tx(Connection connection, boolean readOnly) {
      this.connection = connection;
      this.readOnly = readOnly;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public boolean readOnly() {
      return readOnly;
    }

    @Override
    public void setRollbackOnly() {
      rollbackOnly = true;
    }

    boolean rollbackOnly() {
      return rollbackOnly;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <P extends Participant> P participant(Object key, Supplier<P> join) {
      return (P) participants.computeIfAbsent(key, k -> join.get());
    }

    /** Runs the host's own statement inside this transaction. */
    void execute(String sql) {
      try (var s = connection.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot run " + sql, e);
      }
    }

    void commit() {
      commit(() -> {});
    }

    /**
     * Commits: the participants' before-commit, then {@code beforeConnectionCommit} (a host's
     * own last step, which may throw and so roll back), then the connection's commit.
     */
    void commit(Runnable beforeConnectionCommit) {
      if (rollbackOnly) {
        rollback();
        throw new IllegalStateException("the transaction was marked rollback-only; rolled back");
      }
      try {
        for (Participant p : new ArrayList<>(participants.values())) {
          p.beforeCommit();
        }
        beforeConnectionCommit.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollback();
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      end(true);
    }

    void rollback() {
      if (ended) {
        return;
      }
      try {
        connection.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      } finally {
        end(false);
      }
    }

    private void end(boolean committed) {
      ended = true;
      current.remove();
      List<Participant> all = new ArrayList<>(participants.values());
      try {
        for (Participant p : all) {
          p.afterCompletion(committed);
        }
      } finally {
        try {
          connection.setAutoCommit(true);
          connection.close();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    @Override
    public void close() {
      rollback();
    }
  }
}
