package dev.restock.jpa.mapping;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Reads the soft-delete timestamp Hibernate writes with the database's own current-time function.
 * It is read as text because SQLite stores {@code datetime('now')} as text (UTC, seconds) while
 * H2 and PostgreSQL store a local timestamp in the session's zone.
 */
public final class DeletedAt {
  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();

  private DeletedAt() {}

  /** @param zone the zone the database wrote local timestamps in */
  public static Instant parse(String text, ZoneId zone) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    // PostgreSQL may append an offset when the column has a time zone; ignore the local part then
    if (trimmed.length() > 19 && (trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d\\d(:?\\d\\d)?$"))) {
      return java.time.OffsetDateTime.parse(trimmed.replace(' ', 'T')
          .replaceAll("([+-]\\d\\d)$", "$1:00")).toInstant();
    }
    return LocalDateTime.parse(trimmed, FORMAT).atZone(zone).toInstant();
  }
}
