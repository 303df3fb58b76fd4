package dev.restock.api.serviceorder;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to load into one slot, and what was delivered. Lines are per slot, never per product.
 *
 * @param delivered units actually put in the slot; null until the visit is completed
 */
@Stable(since = "0.1")
public record OrderLine(
    UUID id, UUID slotId, String position, UUID productId, int planned, @Nullable Integer delivered) {

  /** This line with {@code units} delivered. */
  @Experimental(since = "0.2")
  public OrderLine withDelivered(int units) {
    return new OrderLine(id, slotId, position, productId, planned, units);
  }
}
