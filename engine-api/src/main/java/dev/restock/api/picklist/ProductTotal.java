package dev.restock.api.picklist;

import dev.restock.api.stability.Stable;
import java.util.UUID;

/**
 * Units of one product to pre-kit across a whole pick list.
 *
 * @param units units the lines plan, or that rounded up to whole case packs when asked
 */
@Stable(since = "0.1")
public record ProductTotal(
    UUID productId, String sku, String name, String category, int casePack, int units) {

  /** Whole cases needed for {@link #units()}. */
  public int cases() {
    return (units + casePack - 1) / casePack;
  }
}
