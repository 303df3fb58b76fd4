package dev.restock.api.stock;

import dev.restock.api.stability.Stable;
import java.util.UUID;

/** Warehouse units on hand of one product; never negative. */
@Stable
public record StockLevel(UUID productId, String sku, String name, int onHand) {}
