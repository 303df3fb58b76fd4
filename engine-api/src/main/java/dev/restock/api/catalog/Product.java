package dev.restock.api.catalog;

import dev.restock.api.stability.Stable;
import dev.restock.api.shared.Aggregate;
import dev.restock.api.shared.AuditStamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product that can be stocked in slots.
 *
 * @param sku stock-keeping unit, unique among live products
 * @param category optional grouping used to sort pick lists, may be null
 * @param price unit price, {@code >= 0}, two decimal places
 * @param casePack units per case, {@code >= 1}
 */
@Stable
public record Product(
    UUID id, String sku, String name, String category, BigDecimal price, int casePack,
    boolean active, long version, AuditStamp stamp, Instant deletedAt) implements Aggregate {}
