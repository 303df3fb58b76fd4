package dev.restock.jpa.serviceorder;

import dev.restock.api.serviceorder.port.out.NumberSeries;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.jpa.tx.UnitOfWork;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * Gapless numbers from the {@code number_series} table, inside the caller's transaction. The
 * increment locks the series row until commit, so concurrent callers queue instead of skipping;
 * a rolled-back unit gives its number back.
 */
public final class JpaNumberSeries implements NumberSeries {
  static final String INCREMENT =
      "update number_series set last_value = last_value + 1 where series = :s";
  static final String READ = "select last_value from number_series where series = :s";

  /** The dialect's one-statement increment; empty: increment or insert, then read. */
  private final Optional<String> upsert;

  private JpaNumberSeries(Optional<String> upsert) {
    this.upsert = upsert;
  }

  /**
   * Numbers as {@code dialect} draws them: with its one atomic statement that increments and
   * returns ({@link StoreDialect#nextNumberSql()}, e.g. {@code insert ... on conflict ...
   * returning}), or, where it has none (H2, whose concurrent MERGEs of a new key collide):
   * increment; if the series is new, insert its first row behind a savepoint (a concurrent
   * creator wins, we roll back to the savepoint and increment its row).
   */
  public static JpaNumberSeries on(StoreDialect dialect) {
    return new JpaNumberSeries(dialect.nextNumberSql());
  }

  @Override
  public long next(String series) {
    UnitOfWork.requireWrite();
    var session = UnitOfWork.currentSession();
    if (upsert.isPresent()) {
      return ((Number) session.createNativeQuery(upsert.get(), Object.class)
          .setParameter("s", series).getSingleResult()).longValue();
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
