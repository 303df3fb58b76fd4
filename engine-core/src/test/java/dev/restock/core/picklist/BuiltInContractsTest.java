package dev.restock.core.picklist;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.plugin.tck.PickListStrategyContract;
import dev.restock.plugin.tck.VisitPolicyContract;
import org.junit.jupiter.api.Nested;

/** The built-in strategy and policy pass the TCK, like any plugin's. */
class BuiltInContractsTest {

  @Nested
  class FillToParContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new FillToPar(); }
  }

  @Nested
  class AllCabinetsContract extends VisitPolicyContract {
    @Override protected VisitPolicy policy() { return new AllCabinets(); }
  }
}
