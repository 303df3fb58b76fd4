package dev.restock.jpa.tenant;

import dev.restock.api.error.ConflictException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The tenant catalogue: the tenant table (with each tenant's placement) and the event log, in a
 * database of its own (SQLite, H2) or a schema of its own (PostgreSQL). Plain JDBC with prepared
 * statements: every value is bound, and the only names in the SQL are the constant table names.
 * Created and migrated by Flyway under its own location and history table, so that it never mixes
 * with a store's migrations or a host's.
 */
final class Catalogue implements AutoCloseable {

  /** Flyway's history table of the catalogue (a store's is {@code restock_schema_history}). */
  static final String HISTORY_TABLE = "restock_tenant_schema_history";

  /** The PostgreSQL schema the catalogue lives in. */
  static final String POSTGRES_SCHEMA = "restock_tenants";

  private static final String COLUMNS =
      "id, name, status, placement, created_at, created_by, retired_at, retired_by";

  /**
   * How the catalogue differs between its databases; each {@link Storage} is of one database
   * and names its kind.
   *
   * @param location the Flyway location's last folder, one per database
   * @param schema the schema holding the catalogue, or null for the database's default
   * @param textTimes whether instants are kept as ISO-8601 text (SQLite has no time type)
   */
  record Kind(String location, @Nullable String schema, boolean textTimes) {
    static final Kind SQLITE = new Kind("sqlite", null, true);
    static final Kind H2 = new Kind("h2", null, false);
    static final Kind POSTGRESQL = new Kind("postgresql", POSTGRES_SCHEMA, false);
  }

  private final DataSource dataSource;
  private final Kind kind;
  private final AutoCloseable closer;

  Catalogue(DataSource dataSource, Kind kind, AutoCloseable closer) {
    this.dataSource = dataSource;
    this.kind = kind;
    this.closer = closer;
  }

  /** Applies the catalogue's migrations (creating its tables on first use). */
  Catalogue migrate() {
    var flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:dev/restock/tenantcatalogue/" + kind.location())
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true);
    String schema = kind.schema();
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    flyway.load().migrate();
    return this;
  }

  List<Tenant> list() {
    return query(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "select " + COLUMNS + " from restock_tenant order by id")) {
        return tenants(p);
      }
    });
  }

  Optional<Tenant> find(String id) {
    return query(c -> find(c, id));
  }

  /**
   * Records {@code tenant} and, in the same catalogue transaction, runs {@code makeStorage}; when
   * that fails the row is rolled back, so nothing stays recorded.
   *
   * @throws ConflictException when the id is recorded (also by another process meanwhile)
   */
  Tenant add(Tenant tenant, Runnable makeStorage) {
    return write(c -> {
      if (find(c, tenant.id()).isPresent()) {
        throw taken(tenant.id(), null);
      }
      try (PreparedStatement p = c.prepareStatement("insert into restock_tenant (" + COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setString(1, tenant.id());
        p.setString(2, tenant.name());
        p.setString(3, tenant.status().name());
        p.setString(4, tenant.placement());
        setTime(p, 5, tenant.createdAt());
        p.setString(6, tenant.createdBy().toString());
        setTime(p, 7, null);
        p.setString(8, null);
        p.executeUpdate();
      } catch (SQLException e) {
        if (uniqueViolation(e)) {
          throw taken(tenant.id(), e);
        }
        throw e;
      }
      makeStorage.run();
      return tenant;
    });
  }

  Tenant retire(String id, Instant at, UUID actorId) {
    return write(c -> {
      Tenant tenant = find(c, id).orElseThrow(() -> new NotFoundException("tenant", id));
      if (!tenant.active()) {
        throw new IllegalStateTransitionException("tenant " + id + " is retired already");
      }
      try (PreparedStatement p = c.prepareStatement("update restock_tenant set status = ?, "
          + "retired_at = ?, retired_by = ? where id = ? and status = ?")) {
        p.setString(1, Tenant.Status.RETIRED.name());
        setTime(p, 2, at);
        p.setString(3, actorId.toString());
        p.setString(4, id);
        p.setString(5, Tenant.Status.ACTIVE.name());
        if (p.executeUpdate() != 1) {
          throw new IllegalStateTransitionException("tenant " + id + " is retired already");
        }
      }
      return find(c, id).orElseThrow();
    });
  }

  /**
   * Switches the placement of the active tenant {@code id}; the update is conditional on the
   * tenant being active, so a tenant retired meanwhile (also by another process) is not moved.
   *
   * @throws NotFoundException when {@code id} is not recorded
   * @throws IllegalStateTransitionException when the tenant is retired
   */
  Tenant place(String id, String placement) {
    return write(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "update restock_tenant set placement = ? where id = ? and status = ?")) {
        p.setString(1, placement);
        p.setString(2, id);
        p.setString(3, Tenant.Status.ACTIVE.name());
        if (p.executeUpdate() != 1) {
          find(c, id).orElseThrow(() -> new NotFoundException("tenant", id));
          throw new IllegalStateTransitionException("tenant " + id + " is retired: a retired "
              + "tenant is not placed elsewhere");
        }
      }
      return find(c, id).orElseThrow();
    });
  }

  /**
   * Deletes the record of tenant {@code id} and, in the same catalogue transaction, runs
   * {@code removeStorage} with its placement; when that fails the record stays.
   *
   * @throws NotFoundException when {@code id} is not recorded
   */
  void discard(String id, java.util.function.Consumer<String> removeStorage) {
    write(c -> {
      Tenant tenant = find(c, id).orElseThrow(() -> new NotFoundException("tenant", id));
      try (PreparedStatement p = c.prepareStatement("delete from restock_tenant where id = ?")) {
        p.setString(1, id);
        p.executeUpdate();
      }
      removeStorage.accept(tenant.placement());
      return tenant;
    });
  }

  /**
   * Appends {@code event} with the next number. The number comes from the counter row, which the
   * update locks until this transaction ends: writers queue there and none skips a number.
   */
  TenantEvent record(TenantEvent event) {
    return write(c -> {
      try (PreparedStatement p = c.prepareStatement("update restock_tenant_event_counter "
          + "set last_sequence = last_sequence + 1 where id = 1")) {
        p.executeUpdate();
      }
      long sequence;
      try (PreparedStatement p = c.prepareStatement(
          "select last_sequence from restock_tenant_event_counter where id = 1");
          ResultSet r = p.executeQuery()) {
        r.next();
        sequence = r.getLong(1);
      }
      TenantEvent recorded = new TenantEvent(sequence, micros(event.at()), event.actorId(),
          event.action(), event.tenantId(), event.reason(), event.detail());
      try (PreparedStatement p = c.prepareStatement("insert into restock_tenant_event "
          + "(sequence, at, actor_id, action, tenant_id, reason, detail) "
          + "values (?, ?, ?, ?, ?, ?, ?)")) {
        p.setLong(1, sequence);
        setTime(p, 2, recorded.at());
        p.setString(3, recorded.actorId().toString());
        p.setString(4, recorded.action());
        p.setString(5, recorded.tenantId());
        p.setString(6, recorded.reason());
        p.setString(7, recorded.detail());
        p.executeUpdate();
      }
      return recorded;
    });
  }

  List<TenantEvent> events() {
    return query(c -> {
      List<TenantEvent> events = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("select sequence, at, actor_id, action, "
          + "tenant_id, reason, detail from restock_tenant_event order by sequence");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          events.add(new TenantEvent(r.getLong(1), time(r, 2), UUID.fromString(r.getString(3)),
              r.getString(4), r.getString(5), r.getString(6), r.getString(7)));
        }
      }
      return events;
    });
  }

  /** A stored instant: to the microsecond, what every catalogue database keeps. */
  static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the tenant catalogue: " + e.getMessage(), e);
    }
  }

  private Optional<Tenant> find(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "select " + COLUMNS + " from restock_tenant where id = ?")) {
      p.setString(1, id);
      List<Tenant> found = tenants(p);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private List<Tenant> tenants(PreparedStatement p) throws SQLException {
    List<Tenant> tenants = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        String retiredBy = r.getString(8);
        tenants.add(new Tenant(r.getString(1), r.getString(2),
            Tenant.Status.valueOf(r.getString(3)), r.getString(4), time(r, 5),
            UUID.fromString(r.getString(6)), timeOrNull(r, 7),
            retiredBy == null ? null : UUID.fromString(retiredBy)));
      }
    }
    return tenants;
  }

  private static ConflictException taken(String id, @Nullable Throwable cause) {
    String message = "tenant id " + id + " is taken: ids are never given twice, also not a "
        + "retired tenant's";
    return cause == null ? new ConflictException(message) : new ConflictException(message, cause);
  }

  /** A unique key violated: SQLState 23505 (PostgreSQL, H2) or SQLite's constraint codes. */
  private static boolean uniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState())
        || (e.getErrorCode() == 19 || e.getErrorCode() == 1555 || e.getErrorCode() == 2067);
  }

  private void setTime(PreparedStatement p, int index, @Nullable Instant at) throws SQLException {
    if (kind.textTimes()) {
      p.setString(index, at == null ? null : micros(at).toString());
    } else if (at == null) {
      p.setObject(index, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      p.setObject(index, OffsetDateTime.ofInstant(micros(at), ZoneOffset.UTC));
    }
  }

  private Instant time(ResultSet r, int index) throws SQLException {
    Instant at = timeOrNull(r, index);
    if (at == null) {
      throw new IllegalStateException("tenant catalogue: column " + index + " is null");
    }
    return at;
  }

  private @Nullable Instant timeOrNull(ResultSet r, int index) throws SQLException {
    if (kind.textTimes()) {
      String text = r.getString(index);
      return text == null ? null : Instant.parse(text);
    }
    OffsetDateTime at = r.getObject(index, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private <T> T write(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static RuntimeException failure(SQLException e) {
    return new TenantDirectoryException("tenant catalogue: " + e.getMessage(), e);
  }
}
