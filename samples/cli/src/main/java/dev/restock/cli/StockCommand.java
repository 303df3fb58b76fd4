package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.stock.StockLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stock", description = "Warehouse stock.",
    subcommands = {StockCommand.Receive.class, StockCommand.Adjust.class, StockCommand.ListStock.class})
final class StockCommand {

  @Command(name = "receive", description = "Add received units of a product.")
  static final class Receive extends EngineCommand.Writing {
    @Option(names = "--sku", required = true,
        description = "The product's sku.") String sku;
    @Option(names = "--units", required = true,
        description = "Units received.") int units;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      StockLevel level = session.stock().receive(session.products().getBySku(sku).id(), units,
          reason);
      print(level, () -> out().println(level.sku() + ": " + level.onHand() + " on hand"));
    }
  }

  @Command(name = "adjust", description = "Correct on-hand units (+/-), with a reason.")
  static final class Adjust extends EngineCommand.Writing {
    @Option(names = "--sku", required = true,
        description = "The product's sku.") String sku;
    @Option(names = "--delta", required = true, description = "Units to add (negative to remove).") int delta;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      StockLevel level = session.stock().adjust(session.products().getBySku(sku).id(), delta,
          requiredReason());
      print(level, () -> out().println(level.sku() + ": " + level.onHand() + " on hand"));
    }
  }

  @Command(name = "list", description = "On-hand units of live products, by sku; all of them, "
      + "or those at or below a level or in a category.")
  static final class ListStock extends EngineCommand {
    @Option(names = "--at-most", paramLabel = "UNITS",
        description = "Only products with at most this many units on hand (what to reorder).")
    Integer atMost;
    @Option(names = "--category", paramLabel = "CATEGORY",
        description = "Only products of this category.") String category;
    @Mixin Paging paging;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Criteria criteria = Criteria.all();
      if (atMost != null) {
        criteria = criteria.and("onHand", Criteria.Operator.LE, atMost);
      }
      if (category != null) {
        criteria = criteria.and("category", Criteria.Operator.EQ, category.strip());
      }
      Criteria filter = criteria;
      Page<StockLevel> levels = read(paging, request -> session.stock().levels(filter, request));
      printPage(levels, () -> {
        Table t = newTable("SKU", "PRODUCT", "ON HAND");
        levels.items().forEach(l -> t.row(l.sku(), l.name(), l.onHand()));
        print(t);
      });
    }
  }
}
