package dev.restock.jpa.tx;

import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.RestockException;
import dev.restock.api.error.StoreUnavailableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.JDBCConnectionException;

/** Translates persistence exceptions into the API's exceptions with messages people can act on. */
public final class Failures {
  /** Index or column fragments as the three databases report them, and what they mean. */
  private static final Map<String, String> UNIQUE = new LinkedHashMap<>();

  static {
    UNIQUE.put("ux_product_sku", "a live product already has this sku");
    UNIQUE.put("product.sku", "a live product already has this sku");
    UNIQUE.put("ux_route_code", "a live route already has this code");
    UNIQUE.put("route.code", "a live route already has this code");
    UNIQUE.put("ux_device_serial", "a live device already has this serial number");
    UNIQUE.put("device.serial_number", "a live device already has this serial number");
    UNIQUE.put("ux_app_user_username", "a live user already has this username");
    UNIQUE.put("app_user.username", "a live user already has this username");
    UNIQUE.put("ux_app_user_email", "a live user already has this email");
    UNIQUE.put("app_user.email", "a live user already has this email");
    UNIQUE.put("ux_cabinet_index", "the device already has a live cabinet with this index");
    UNIQUE.put("cabinet.device_id", "the device already has a live cabinet with this index");
    UNIQUE.put("ux_slot_position", "the planogram already has a live slot at this position");
    UNIQUE.put("slot.planogram_id", "the planogram already has a live slot at this position");
    UNIQUE.put("ux_planogram_active", "the cabinet already has an active planogram");
    UNIQUE.put("planogram.cabinet_id", "the cabinet already has an active planogram");
    UNIQUE.put("ux_service_order_number", "a service order already has this number");
    UNIQUE.put("service_order.number", "a service order already has this number");
    UNIQUE.put("ux_delivery_note_number", "a delivery note already has this number");
    UNIQUE.put("delivery_note.number", "a delivery note already has this number");
    UNIQUE.put("ux_delivery_note_order", "the order already has a delivery note");
    UNIQUE.put("delivery_note.order_id", "the order already has a delivery note");
    UNIQUE.put("ux_service_visit_cabinet", "the order already visits this cabinet");
  }

  private Failures() {}

  /** The first line of the innermost cause's message (or its type), for one-line errors. */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** The API exception for {@code e}, or {@code e} itself when it is not a known persistence failure. */
  public static RuntimeException translate(RuntimeException e) {
    if (e instanceof RestockException) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException cve) {
        return constraint(cve.getConstraintName(), cve.getSQLException(), e);
      }
      if (t instanceof StaleStateException || t instanceof OptimisticLockException
          || t instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
        return new ConcurrentChangeException(
            "the record was changed or deleted by someone else meanwhile; read it again and retry",
            e);
      }
      if (t instanceof PessimisticLockException || t instanceof LockAcquisitionException
          || t instanceof org.hibernate.PessimisticLockException
          || (t instanceof SQLException sql && lostRace(sql))) {
        return new ConcurrentChangeException("a concurrent change held up this one ("
            + rootMessage(t) + "); nothing was written, run it again", e);
      }
      // the SQLite dialect reports constraint failures in batches as generic JDBC errors
      if (t instanceof SQLException sql && isIntegrityViolation(sql)) {
        return constraint(null, sql, e);
      }
      if (isConnectionLoss(t)) {
        return new StoreUnavailableException("the database cannot be reached or dropped the "
            + "connection (" + rootMessage(e) + "); the unit of work did not complete, retry it "
            + "once the database answers", e);
      }
    }
    return e;
  }

  /**
   * Failures that say only that another transaction got in the way, so that running the same
   * unit again may succeed: PostgreSQL's serialization_failure (40001) and deadlock_detected
   * (40P01), H2's deadlock (40001) and lock timeout (HYT00). SQLite's busy database is not
   * among them: write units take its lock when they begin, and {@link JpaTransactions} already
   * waits up to 30 s for it there.
   */
  private static boolean lostRace(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
  }

  /**
   * A connection that broke or could not be had: SQL state class 08 (connection exception),
   * PostgreSQL's 57P01-57P03 (the server shutting down, crashed, or still starting, as in a
   * restart), or the JDBC and Hibernate types for it (Hibernate reports 57P01 as a generic JDBC
   * error, so the state is what counts).
   */
  private static boolean isConnectionLoss(Throwable t) {
    if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
      return true;
    }
    String state = t instanceof SQLException sql ? sql.getSQLState() : null;
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }

  private static boolean isIntegrityViolation(SQLException e) {
    String state = e.getSQLState();
    String message = String.valueOf(e.getMessage());
    return (state != null && state.startsWith("23")) || message.contains("SQLITE_CONSTRAINT");
  }

  private static RuntimeException constraint(
      String constraintName, SQLException sql, RuntimeException original) {
    String detail = sql == null ? String.valueOf(original.getMessage()) : sql.getMessage();
    String text = (constraintName + " " + detail).toLowerCase(Locale.ROOT);
    // ids are random UUIDs or derived from another row's id (a product's stock level): the same
    // primary key twice means a concurrent unit created the row first, which a retry reads
    if ((text.contains("_pkey") || text.contains("primary key"))
        && (text.contains("unique") || text.contains("duplicate"))) {
      return new ConcurrentChangeException("a concurrent change created the same row first ("
          + detail + "); nothing was written, run it again", original);
    }
    if (text.contains("unique") || text.contains("duplicate")) {
      for (Map.Entry<String, String> known : UNIQUE.entrySet()) {
        if (text.contains(known.getKey())) {
          return new ConflictException(known.getValue(), original);
        }
      }
      return new ConflictException("a unique value is already taken: " + detail, original);
    }
    if (text.contains("foreign key") || text.contains("foreignkey")
        || text.contains("referential")) {
      return new ConflictException(
          "the change refers to a row that does not exist, or removes one still referred to: "
              + detail, original);
    }
    return new ConflictException("the database refused the change: " + detail, original);
  }

  /**
   * Whether {@code failure} says a read replica is not there or dropped the connection: SQL state
   * class 08, PostgreSQL's 57P01-57P03 (shut down, crashed, starting), 40001 (a query cancelled
   * by a conflict with recovery on a standby), or the JDBC and Hibernate connection exception
   * types.
   */
  public static boolean replicaUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StoreUnavailableException || t instanceof JDBCConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P0") || state.equals("40001")) {
          return true;
        }
      }
    }
    return false;
  }
}
