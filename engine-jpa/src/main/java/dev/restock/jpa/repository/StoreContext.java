package dev.restock.jpa.repository;

import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.dialect.StoreDialect;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Facts repositories need about their store: the clock for audit stamps and the dialect of its
 * database, which says in which zone soft-delete timestamps are written and how text is searched,
 * and the encryption of personal fields ({@link FieldCrypto#NONE} when they are kept plain).
 */
public record StoreContext(Clock clock, StoreDialect dialect, FieldCrypto crypto) {

  /** A store that keeps personal fields plain. */
  public StoreContext(Clock clock, StoreDialect dialect) {
    this(clock, dialect, FieldCrypto.NONE);
  }

  /** Stamp time, at the millisecond precision every supported database keeps. */
  public java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** The zone in which the database writes soft-delete timestamps. */
  public ZoneId deletedAtZone() {
    return dialect.deletedAtZone();
  }

  /** The text search conditions of this store's database. */
  public TextSearchSql textSearch() {
    return new TextSearchSql(dialect);
  }
}
