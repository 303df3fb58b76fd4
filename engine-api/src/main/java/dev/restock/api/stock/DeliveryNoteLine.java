package dev.restock.api.stock;

import dev.restock.api.stability.Stable;
import java.util.UUID;

/** Units of one product taken from the warehouse for an order. */
@Stable(since = "0.1")
public record DeliveryNoteLine(UUID productId, String sku, int quantity) {}
