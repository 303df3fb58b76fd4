package dev.restock.jpa.service;

import dev.restock.api.service.port.out.NumberSeries;
import dev.restock.jpa.tx.UnitOfWork;

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
  /** H2 has no upsert with RETURNING: a standard MERGE, then a read under the row lock. */
  static final String MERGE = "merge into number_series t using (values (cast(:s as varchar(40))))"
      + " as n(series) on t.series = n.series"
      + " when matched then update set last_value = t.last_value + 1"
      + " when not matched then insert (series, last_value) values (n.series, 1)";

  private final boolean upsertReturning;

  /** @param upsertReturning whether the database supports {@link #UPSERT} */
  public JpaNumberSeries(boolean upsertReturning) {
    this.upsertReturning = upsertReturning;
  }

  @Override
  public long next(String series) {
    UnitOfWork.requireWrite();
    var session = UnitOfWork.currentSession();
    if (upsertReturning) {
      return ((Number) session.createNativeQuery(UPSERT, Object.class).setParameter("s", series)
          .getSingleResult()).longValue();
    }
    session.createNativeMutationQuery(MERGE).setParameter("s", series).executeUpdate();
    return ((Number) session.createNativeQuery(
            "select last_value from number_series where series = :s", Object.class)
        .setParameter("s", series).getSingleResult()).longValue();
  }
}
