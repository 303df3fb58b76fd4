package dev.restock.jpa.tx;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.tx.TransactionBoundary;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Units of work over Hibernate sessions. The outermost call opens a session and a transaction;
 * nested calls on the same thread join it. An exception escaping any level rolls the whole unit
 * back, even if an outer level catches it.
 *
 * <p>When a separate read pool is given (SQLite), read-only units run on its connections, which
 * begin DEFERRED transactions, so readers never take the write lock that write units take at
 * BEGIN IMMEDIATE.
 */
public final class JpaTransactions implements TransactionBoundary {
  private static final Logger LOG = LoggerFactory.getLogger(JpaTransactions.class);
  private final SessionFactory sessionFactory;
  private final DataSource readPool;

  /** @param readPool connections for read-only units, or null to use the session factory's own */
  public JpaTransactions(SessionFactory sessionFactory, DataSource readPool) {
    this.sessionFactory = sessionFactory;
    this.readPool = readPool;
  }

  @Override
  public <T> T write(AuditContext context, Supplier<T> work) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(work, "work");
    Optional<UnitOfWork> current = UnitOfWork.current();
    if (current.isPresent()) {
      if (current.get().readOnly()) {
        throw new IllegalStateException(
            "a read-write unit of work cannot run inside a read-only one (" + context.action() + ")");
      }
      return join(current.get(), work);
    }
    return outermost(context, false, work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    Optional<UnitOfWork> current = UnitOfWork.current();
    if (current.isPresent()) {
      return join(current.get(), work);
    }
    return outermost(null, true, work);
  }

  private static <T> T join(UnitOfWork unit, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      unit.markRollbackOnly();
      throw Failures.translate(e);
    } catch (Error e) {
      unit.markRollbackOnly();
      throw e;
    }
  }

  private <T> T outermost(AuditContext context, boolean readOnly, Supplier<T> work) {
    Connection supplied = readOnly && readPool != null ? connection(readPool) : null;
    Session session = supplied == null ? sessionFactory.openSession()
        : sessionFactory.withOptions().connection(supplied).openSession();
    Transaction tx = null;
    try {
      if (readOnly) {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
      }
      UnitOfWork unit = new UnitOfWork(session, context, readOnly);
      UnitOfWork.bind(unit);
      tx = session.beginTransaction();
      T result = work.get();
      if (unit.rollbackOnly()) {
        throw new IllegalStateException("a nested unit of work failed and its exception was "
            + "caught; the whole unit of work was rolled back");
      }
      if (!readOnly) {
        session.flush();
        // registered last, so it runs after Envers has written the revision and its audit rows
        session.unwrap(SessionImplementor.class).getActionQueue().registerCallback(
            (TransactionCompletionCallbacks.BeforeCompletionCallback) s -> {
              for (int i = 0; i < unit.beforeCommitHooks().size(); i++) {
                unit.beforeCommitHooks().get(i).run();
              }
            });
      }
      tx.commit();
      runAfterCommit(unit);
      return result;
    } catch (RuntimeException e) {
      rollback(tx, e);
      throw Failures.translate(e);
    } catch (Error e) {
      rollback(tx, e);
      throw e;
    } finally {
      UnitOfWork.unbind();
      session.close();
      if (supplied != null) {
        try {
          supplied.close();
        } catch (SQLException e) {
          // the pool discards a connection it cannot take back; nothing is lost
        }
      }
    }
  }

  private static void runAfterCommit(UnitOfWork unit) {
    UnitOfWork.unbind();
    for (Runnable hook : unit.afterCommitHooks()) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        LOG.error("an after-commit action failed; the unit of work itself is committed", e);
      }
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    UnitOfWork.requireWrite().afterCommit(action);
  }

  private static void rollback(Transaction tx, Throwable failure) {
    if (tx == null || !tx.isActive()) {
      return;
    }
    try {
      tx.rollback();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static Connection connection(DataSource pool) {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot get a database connection: " + e.getMessage(), e);
    }
  }
}
