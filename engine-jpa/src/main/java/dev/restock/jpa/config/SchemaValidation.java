package dev.restock.jpa.config;

import dev.restock.api.stability.Experimental;

/**
 * When opening a JPA store checks Hibernate's mapping against the database's tables and columns
 * (Hibernate's schema validation, {@code hbm2ddl validate}), after Flyway has validated the
 * migration history. Property {@code restock.db.schema-validation}, environment variable
 * {@code RESTOCK_DB_SCHEMA_VALIDATION}: {@code strict} or {@code when-version-differs}.
 */
@Experimental(since = "0.2")
public enum SchemaValidation {
  /**
   * At every opening. Catches a schema changed behind Flyway's back (a column dropped by hand) at
   * start rather than at the first statement that needs it, for the cost of reading the
   * database's metadata of every mapped table (tens to hundreds of milliseconds).
   */
  STRICT,
  /**
   * Only when the schema was not, at opening, exactly at the latest version of this code's
   * migrations with none pending or failed: a database that was just migrated, or one whose
   * history Flyway does not recognise. The default. A database at the expected version has the
   * schema those migrations made, unless someone changed it by hand; such a change then shows
   * at the first statement that needs what was changed.
   */
  WHEN_VERSION_DIFFERS;

  /** The property value naming this mode: {@code strict} or {@code when-version-differs}. */
  public String propertyValue() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * The mode a property value names, ignoring case and accepting {@code _} for {@code -}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SchemaValidation fromProperty(String value) {
    String wanted = value.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    for (SchemaValidation mode : values()) {
      if (mode.propertyValue().equals(wanted)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("must be strict or when-version-differs (was '" + value
        + "')");
  }
}
