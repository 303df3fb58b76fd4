/**
 * Tenants: one engine serving many operators, each operator's data kept apart from every other's.
 *
 * <p>A host builds the engine with a {@link dev.restock.api.spi.TenantDirectory} (where tenants
 * live: a SQLite file each, a PostgreSQL schema or database each, an in-memory store each) and
 * picks the tenant per call:
 *
 * <pre>{@code
 * try (Restock engine = RestockEngine.builder().tenants(directory).build()) {
 *   engine.tenants().add(Actor.system().withReason("new customer"), new NewTenant("acme", "Acme Vending"));
 *   RestockSession acme = engine.tenant("acme").as(actor);
 * }
 * }</pre>
 *
 * <p>Each tenant has its own store, so nothing crosses tenants: rows, history and its hash chain
 * and checkpoints, audit events, document number series, caches, migrations and backups. A call
 * on the engine itself ({@code engine.as(actor)}) is refused while tenancy is on. The only views
 * across tenants are those of {@link dev.restock.api.tenant.TenantAdministration}, each
 * permission-checked and recorded as a {@link dev.restock.api.tenant.TenantEvent}.
 */
@NullMarked
package dev.restock.api.tenant;

import org.jspecify.annotations.NullMarked;
