package dev.restock.api.error;

import dev.restock.api.stability.Stable;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Warehouse stock does not cover what an operation needs; lists every short product. */
@Stable(since = "0.1")
public class InsufficientStockException extends RestockException {
  private static final long serialVersionUID = 1L;
  private final List<Shortage> shortages;

  public InsufficientStockException(List<Shortage> shortages) {
    super("insufficient stock: "
        + shortages.stream().map(Shortage::toString).collect(Collectors.joining("; ")));
    this.shortages = List.copyOf(shortages);
  }

  public List<Shortage> shortages() {
    return shortages;
  }

  /** One product that is short: how many were needed and how many are on hand. */
  public record Shortage(UUID productId, String sku, int needed, int available) {
    @Override
    public String toString() {
      return sku + " needs " + needed + ", has " + available;
    }
  }
}
