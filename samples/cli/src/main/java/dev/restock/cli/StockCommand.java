package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.StockLevel;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stock", description = "Warehouse stock.",
    subcommands = {StockCommand.Receive.class, StockCommand.Adjust.class, StockCommand.ListStock.class})
final class StockCommand {

  @Command(name = "receive", description = "Add received units of a product.")
  static final class Receive extends EngineCommand.Writing {
    @Option(names = "--sku", required = true) String sku;
    @Option(names = "--units", required = true) int units;

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
    @Option(names = "--sku", required = true) String sku;
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
    @Option(names = "--category", paramLabel = "CATEGORY") String category;

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
      List<StockLevel> levels = new ArrayList<>();
      for (int page = 0; ; page++) {
        Page<StockLevel> found = session.stock().levels(criteria,
            PageRequest.of(page, PageRequest.MAX_SIZE));
        levels.addAll(found.items());
        if (page + 1 >= found.pages()) {
          break;
        }
      }
      print(levels, () -> {
        Table t = new Table("SKU", "PRODUCT", "ON HAND");
        levels.forEach(l -> t.row(l.sku(), l.name(), l.onHand()));
        t.print(out());
      });
    }
  }
}
