package dev.restock.jpa.tx;

import java.sql.Connection;

/**
 * Where outermost read-only units of work run when the store has a read replica (implemented by
 * the store's replica routing). {@link JpaTransactions} asks it for a connection per unit and
 * reports back how the unit went.
 */
public interface ReadRouting {

  /**
   * A replica connection for an outermost read-only unit, or null when it must run on the
   * primary. Never throws: a replica that cannot give one sends the unit to the primary.
   */
  Connection readConnection();

  /** A read-only unit ran on the replica. */
  void served();

  /**
   * A read-only unit could not run on the replica for want of it ({@link
   * Failures#replicaUnavailable}); it runs again on the primary.
   */
  void failed(Throwable failure);

  /** A read-write unit of this store committed, or may have: later reads must see it. */
  void wrote();
}
