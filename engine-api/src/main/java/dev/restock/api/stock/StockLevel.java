package dev.restock.api.stock;

import java.util.UUID;

/** Warehouse units on hand of one product; never negative. */
public record StockLevel(UUID productId, String sku, String name, int onHand) {}
