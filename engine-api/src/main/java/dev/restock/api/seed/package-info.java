/**
 * Idempotent seeding of reference data ({@link dev.restock.api.seed.ReferenceData}): device
 * types, cabinet types and the first administrator.
 */
@NullMarked
package dev.restock.api.seed;

import org.jspecify.annotations.NullMarked;
