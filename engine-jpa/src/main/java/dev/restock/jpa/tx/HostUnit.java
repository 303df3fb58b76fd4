package dev.restock.jpa.tx;

import dev.restock.api.audit.AuditContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's unit of work joined to one host transaction, for the whole of that transaction:
 * one Hibernate session on the host's connection, bound to the thread only while an engine call
 * (or the host's commit) runs. Every use case called inside the host transaction works in it;
 * each call's changes are flushed when the call returns, so the host's own statements on the
 * same connection see them and a constraint violation reaches the call that caused it.
 *
 * <p>The Hibernate transaction commits in the host's before-commit phase: Envers writes the
 * single revision of the host transaction (with the context of its first write), the audit
 * events are in it, and the before-commit hooks seal it into the hash chain, taking the chain
 * head's row lock that the host's commit then releases. Nothing of it is committed unless the
 * host commits; the after-commit hooks (plugin audit sinks, checkpoint counters) run only then.
 */
final class HostUnit implements HostTransaction.Participant {
  private static final Logger LOG = LoggerFactory.getLogger(HostUnit.class);

  private final HostTransaction host;
  private final Connection connection;
  private final Session session;
  private final Transaction tx;
  private final UnitOfWork unit;

  private HostUnit(HostTransaction host, Connection connection, Session session,
      Transaction tx, UnitOfWork unit) {
    this.host = host;
    this.connection = connection;
    this.session = session;
    this.tx = tx;
    this.unit = unit;
  }

  /** Opens the unit for {@code host}'s transaction. */
  static HostUnit join(SessionFactory sessionFactory, HostTransaction host) {
    try {
      if (host.connection().getAutoCommit()) {
        throw new IllegalStateException("the host's transaction connection is in auto-commit "
            + "mode, so its changes would not be one transaction; the host transaction must "
            + "switch auto-commit off");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot use the host transaction's connection: "
          + e.getMessage(), e);
    }
    Connection connection = HostConnection.wrap(host);
    Session session = sessionFactory.withOptions().connection(connection).openSession();
    try {
      if (host.readOnly()) {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
      }
      UnitOfWork unit = new UnitOfWork(session, null, host.readOnly());
      Transaction tx = session.beginTransaction();
      return new HostUnit(host, connection, session, tx, unit);
    } catch (RuntimeException e) {
      session.close();
      throw Failures.translate(e);
    }
  }

  /** Runs one engine call in this unit. */
  <T> T run(AuditContext context, Supplier<T> work) {
    boolean write = context != null;
    if (unit.rollbackOnly()) {
      throw new IllegalStateException("an earlier Restock call failed in this host transaction, "
          + "which will roll back; start a new transaction"
          + (write ? " (" + context.action() + ")" : ""));
    }
    if (write && unit.readOnly()) {
      throw new IllegalStateException("a read-write unit of work cannot run inside the host's "
          + "read-only transaction (" + context.action() + ")");
    }
    if (write) {
      unit.useContext(context);
    }
    UnitOfWork previous = UnitOfWork.swap(unit);
    try {
      T result = work.get();
      if (unit.rollbackOnly()) {
        throw new IllegalStateException("a nested unit of work failed and its exception was "
            + "caught; the host transaction will roll back");
      }
      if (write) {
        session.flush();
      }
      return result;
    } catch (RuntimeException e) {
      fail();
      throw Failures.translate(e);
    } catch (Error e) {
      fail();
      throw e;
    } finally {
      UnitOfWork.swap(previous);
    }
  }

  private void fail() {
    unit.markRollbackOnly();
    host.setRollbackOnly();
  }

  @Override
  public void beforeCommit() {
    if (unit.rollbackOnly()) {
      throw new IllegalStateException("a Restock call failed in this transaction, so it cannot "
          + "commit; it was rolled back");
    }
    UnitOfWork previous = UnitOfWork.swap(unit);
    try {
      if (!unit.readOnly()) {
        session.flush();
        // registered last, so it runs after Envers has written the revision and its audit rows
        session.unwrap(SessionImplementor.class).getActionQueue().registerCallback(
            (TransactionCompletionCallbacks.BeforeCompletionCallback) s -> {
              for (int i = 0; i < unit.beforeCommitHooks().size(); i++) {
                unit.beforeCommitHooks().get(i).run();
              }
            });
      }
      // the connection's commit is a no-op: the host commits right after this returns
      tx.commit();
    } catch (RuntimeException e) {
      fail();
      throw Failures.translate(e);
    } finally {
      UnitOfWork.swap(previous);
    }
  }

  @Override
  public void afterCompletion(boolean committed) {
    HostConnection.end(connection);
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      LOG.warn("could not end the engine's session of a host transaction", e);
    } finally {
      try {
        session.close();
      } catch (RuntimeException e) {
        LOG.warn("could not close the engine's session of a host transaction", e);
      }
    }
    if (committed) {
      for (Runnable hook : unit.afterCommitHooks()) {
        try {
          hook.run();
        } catch (RuntimeException e) {
          LOG.error("an after-commit action failed; the host transaction itself is committed", e);
        }
      }
    }
  }
}
