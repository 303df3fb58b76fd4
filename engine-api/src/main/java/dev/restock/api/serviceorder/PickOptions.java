package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;

/**
 * Options usable with any pick-list strategy.
 *
 * @param minimumPick lines planning fewer units than this are left out (0 keeps every line)
 * @param roundTotalsToCasePack product totals are rounded up to whole case packs
 */
@Stable(since = "0.1")
public record PickOptions(int minimumPick, boolean roundTotalsToCasePack) {
  public static final PickOptions NONE = new PickOptions(0, false);

  public PickOptions {
    new Checks().check(minimumPick >= 0 && minimumPick <= 999, "minimumPick",
        "must be between 0 and 999 (was " + minimumPick + ")").throwIfAny();
  }
}
