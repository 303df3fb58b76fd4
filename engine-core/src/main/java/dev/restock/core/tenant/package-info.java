/**
 * Tenancy: the multi-tenant engine that {@code RestockEngine.builder().tenants(directory)} builds,
 * each tenant's engine behind a gate (calls share it; retire and move take it alone), and the
 * permission-checked administration of tenants.
 */
@NullMarked
package dev.restock.core.tenant;

import org.jspecify.annotations.NullMarked;
