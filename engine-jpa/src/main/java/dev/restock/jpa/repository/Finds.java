package dev.restock.jpa.repository;

import dev.restock.api.error.StoreUnavailableException;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * {@code Session.find} without its one silent failure. When the transaction is already marked
 * rollback-only, Hibernate's {@code find} logs a JDBC exception and returns null (HHH-12472): a
 * read cut off by a lost connection would then look like a missing row, and a use case would
 * answer "not found" or "no live user" for data that exists. Here a null under a rollback-only
 * transaction is a failure of the store, never an answer.
 */
public final class Finds {
  private Finds() {}

  /** The entity with {@code id}, or null when there is none. */
  public static <E> E find(Session session, Class<E> type, Object id) {
    return checked(session, type, id, session.find(type, id));
  }

  /** The entity with {@code id} locked in {@code lock}, or null when there is none. */
  public static <E> E find(Session session, Class<E> type, Object id, LockModeType lock) {
    return checked(session, type, id, session.find(type, id, lock));
  }

  private static <E> E checked(Session session, Class<E> type, Object id, E found) {
    if (found == null) {
      Transaction tx = session.getTransaction();
      if (tx.isActive() && tx.getRollbackOnly()) {
        throw new StoreUnavailableException("the database failed while reading "
            + type.getSimpleName() + " " + id + " (the unit of work was already marked for "
            + "rollback, so Hibernate hid the error); nothing was committed", null);
      }
    }
    return found;
  }
}
