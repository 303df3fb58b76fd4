package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where the tenants of a multi-tenant engine live: the list of tenants with their placement, each
 * tenant's store, and the log of what was done to tenants as a whole. Given to the engine builder
 * ({@code RestockEngine.builder().tenants(directory)}), which owns it from then on and closes it
 * when the engine closes.
 *
 * <p>Each tenant gets a store of its own ({@link #store}): a SQLite file, a PostgreSQL or H2
 * schema or database, an in-memory store. That is what keeps tenants apart: the engine never
 * hands one tenant's store to another's calls, and a store holds one tenant's rows, history, hash
 * chain, audit events and number series.
 *
 * <p>The engine serialises the directory's writes ({@link #add}, {@link #retire}, {@link #place},
 * {@link #record}) within one engine; a directory shared by several engine processes must make
 * them safe itself (the bundled ones use their database's transactions and unique keys). Reads
 * may run on any thread at any time.
 *
 * @since 0.3
 */
@Experimental(since = "0.3")
public interface TenantDirectory extends AutoCloseable {

  /** Every tenant recorded, active and retired, by id. */
  List<Tenant> list();

  /** The tenant {@code id}, active or retired, if recorded. */
  Optional<Tenant> find(String id);

  /**
   * The places tenants may be put (shard ids, database names); a single-place directory answers
   * one.
   */
  Set<String> placements();

  /** Where {@link #add} puts a tenant that names no placement; one of {@link #placements()}. */
  String defaultPlacement();

  /**
   * Records a new active tenant at {@code placement} and makes its empty storage (a file, a
   * schema, a database); the engine then opens its store, which migrates it. When making the
   * storage fails nothing stays recorded.
   *
   * @param tenant the checked request (the engine has checked id, name and placement)
   * @param placement one of {@link #placements()}
   * @param at when, by the engine's clock
   * @param actorId who
   * @return the tenant as recorded
   * @throws dev.restock.api.error.ConflictException when the id is recorded already (active or
   *     retired), also when another process recorded it meanwhile
   */
  Tenant add(NewTenant tenant, String placement, Instant at, UUID actorId);

  /**
   * Records {@code id} as retired. Its storage is kept.
   *
   * @throws dev.restock.api.error.NotFoundException when {@code id} is not recorded
   */
  Tenant retire(String id, Instant at, UUID actorId);

  /**
   * A factory opening the store of {@code tenant} at its placement; the engine opens it at most
   * once at a time per tenant and closes it when the tenant is retired, moved or the engine
   * closes.
   */
  StoreFactory store(Tenant tenant);

  /**
   * The store of {@code tenant} as it would be at {@code placement}, for a move: the engine opens
   * it to verify a copy before switching. Same as {@link #store} for the tenant's own placement.
   */
  StoreFactory storeAt(Tenant tenant, String placement);

  /**
   * Copies the data of {@code tenant} (whose store the engine has closed, and whose calls it has
   * paused) from its placement to {@code targetPlacement}: a backup of the source restored at the
   * target, history included, the target's earlier storage of this tenant (a failed move's)
   * replaced. The placement is not switched: {@link #place} does that once the engine has
   * verified the copy.
   *
   * <p>Abstract, so that a directory states what it does: a single-place directory throws
   * {@link UnsupportedOperationException} (the engine refuses a move on such a directory before
   * it gets here).
   *
   * @throws UnsupportedOperationException when the directory cannot copy (a single place)
   */
  void copy(Tenant tenant, String targetPlacement);

  /**
   * Records that {@code id} lives at {@code placement} from now on.
   *
   * @throws dev.restock.api.error.NotFoundException when {@code id} is not recorded
   */
  Tenant place(String id, String placement);

  /**
   * Appends {@code event} to the directory's log, giving it the next sequence number (the one in
   * {@code event} is ignored).
   *
   * @return the event as recorded
   */
  TenantEvent record(TenantEvent event);

  /** The log, oldest first. */
  List<TenantEvent> events();

  /** Releases what the directory holds (its catalogue connection); the engine calls it once. */
  @Override
  void close();
}
