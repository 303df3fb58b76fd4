package dev.restock.api.picklist;

import java.util.UUID;

/** Units of one product to pre-kit across a whole pick list. */
public record ProductTotal(
    UUID productId, String sku, String name, String category, int casePack, int units) {}
