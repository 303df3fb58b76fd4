/**
 * Tenant directories on the JPA store: where the tenants of a multi-tenant engine live (a SQLite
 * file each, an H2 database each, a PostgreSQL schema each, or a schema each on several PostgreSQL
 * shards), with a catalogue of tenants and their placements and a gapless log of what was done
 * to tenants as a whole. Start at {@link dev.restock.jpa.tenant.JpaTenants}.
 */
@NullMarked
package dev.restock.jpa.tenant;

import org.jspecify.annotations.NullMarked;
