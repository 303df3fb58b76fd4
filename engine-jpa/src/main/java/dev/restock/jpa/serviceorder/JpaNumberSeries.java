package dev.restock.jpa.serviceorder;

import dev.restock.api.serviceorder.port.out.NumberSeries;
import dev.restock.jpa.tx.UnitOfWork;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Gapless numbers from the {@code number_series} table, inside the caller's transaction. The
 * increment locks the series row until commit, so concurrent callers queue instead of skipping;
 * a rolled-back unit gives its number back.
 */
public final class JpaNumberSeries implements NumberSeries {
  /** SQLite and PostgreSQL: one atomic upsert that returns the new value. */
  static final String UPSERT = "insert into number_series (series, last_value) values (:s, 1) "
      + "on conflict (series) do update set last_value = number_series.last_value + 1 "
      + "returning last_value";
  static final String INCREMENT =
      "update number_series set last_value = last_value + 1 where series = :s";
  static final String READ = "select last_value from number_series where series = :s";

  private final boolean upsert;

  private JpaNumberSeries(boolean upsert) {
    this.upsert = upsert;
  }

  /** For databases with {@code insert ... on conflict ... returning} (SQLite, PostgreSQL). */
  public static JpaNumberSeries withUpsert() {
    return new JpaNumberSeries(true);
  }

  /**
   * For H2, which has no upsert that returns a value and whose concurrent MERGEs of a new key
   * collide: increment; if the series is new, insert its first row behind a savepoint (a
   * concurrent creator wins, we roll back to the savepoint and increment its row).
   */
  public static JpaNumberSeries withIncrementOrInsert() {
    return new JpaNumberSeries(false);
  }

  @Override
  public long next(String series) {
    UnitOfWork.requireWrite();
    var session = UnitOfWork.currentSession();
    if (upsert) {
      return ((Number) session.createNativeQuery(UPSERT, Object.class).setParameter("s", series)
          .getSingleResult()).longValue();
    }
    if (session.createNativeMutationQuery(INCREMENT).setParameter("s", series).executeUpdate()
        == 0) {
      boolean inserted = session.doReturningWork(c -> insertFirst(c, series));
      if (!inserted) {
        session.createNativeMutationQuery(INCREMENT).setParameter("s", series).executeUpdate();
      }
    }
    return ((Number) session.createNativeQuery(READ, Object.class).setParameter("s", series)
        .getSingleResult()).longValue();
  }

  /** Inserts value 1 for a new series; false when a concurrent unit created it first. */
  private static boolean insertFirst(java.sql.Connection c, String series) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try (PreparedStatement insert = c.prepareStatement(
        "insert into number_series (series, last_value) values (?, 1)")) {
      insert.setString(1, series);
      insert.executeUpdate();
      c.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      c.rollback(savepoint);
      return false;
    }
  }
}
