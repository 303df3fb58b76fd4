package dev.restock.api.stock;

import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The document issued when an order is dispatched: what left the warehouse.
 *
 * @param number {@code DN-<year>-<6 digits>}, unique and gapless per year
 */
@Stable(since = "0.1")
public record DeliveryNote(
    UUID id, String number, UUID orderId, String orderNumber, Instant issuedAt,
    List<DeliveryNoteLine> lines) {
  public DeliveryNote {
    lines = List.copyOf(lines);
  }

  public int totalUnits() {
    return lines.stream().mapToInt(DeliveryNoteLine::quantity).sum();
  }
}
