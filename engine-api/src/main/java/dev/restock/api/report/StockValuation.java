package dev.restock.api.report;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Warehouse stock valued at the products' prices: one line per product, and the total. */
@Experimental(since = "0.1")
public record StockValuation(List<Line> lines, BigDecimal total) {
  public StockValuation {
    lines = List.copyOf(lines);
  }

  /** On-hand units of one product times its price. */
  public record Line(UUID productId, String sku, String name, int onHand, BigDecimal price,
      BigDecimal value) {}
}
