package dev.restock.api.stock;

import java.util.UUID;

/** Units of one product taken from the warehouse for an order. */
public record DeliveryNoteLine(UUID productId, String sku, int quantity) {}
