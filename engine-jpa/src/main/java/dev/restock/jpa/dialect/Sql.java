package dev.restock.jpa.dialect;

/** SQL that more than one dialect shares. */
final class Sql {
  private Sql() {}

  /** SQLite and PostgreSQL: one atomic upsert that returns the new value. */
  static final String UPSERT_NEXT_NUMBER = "insert into number_series (series, last_value) "
      + "values (:s, 1) on conflict (series) do update set last_value = "
      + "number_series.last_value + 1 returning last_value";
}
