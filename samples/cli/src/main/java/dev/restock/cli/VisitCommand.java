package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.error.ValidationException;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "visit", description = "Visits of an order in progress.",
    subcommands = {VisitCommand.Complete.class, VisitCommand.Skip.class})
final class VisitCommand {

  static Visit visit(ServiceOrder order, int n) {
    if (n < 1 || n > order.visits().size()) {
      throw ValidationException.of("visit", "order " + order.number() + " has visits 1.."
          + order.visits().size() + " (was " + n + ")");
    }
    return order.visits().get(n - 1);
  }

  @Command(name = "complete", description = "Record what was put into each slot of a visit.")
  static final class Complete extends EngineCommand.Writing {
    @Parameters(index = "0", paramLabel = "ORDER",
        description = "The order number.") String number;
    @Parameters(index = "1", paramLabel = "VISIT", description = "Visit number, from 1.") int n;
    @Option(names = "--deliver", paramLabel = "SLOT=UNITS",
        description = "Units delivered to a slot (default: as planned).")
    Map<String, Integer> deliver = new HashMap<>();
    @Option(names = "--return-undelivered",
        description = "Put planned but undelivered units back into warehouse stock.")
    boolean returnUndelivered;
    @Option(names = "--notes", paramLabel = "TEXT", description = "The driver's notes.")
    String notes;
    @Option(names = "--mismatch-undelivered", description = "Record lines whose slot now holds "
        + "another product, is empty or is gone (re-planned since the order was made) as "
        + "undelivered, and complete the rest; without it such a visit is refused, naming the "
        + "slots.")
    boolean mismatchUndelivered;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      ServiceOrder order = OrderCommand.byNumber(session, number);
      Visit visit = visit(order, n);
      Map<UUID, Integer> delivered = new HashMap<>();
      deliver.forEach((position, units) -> delivered.put(visit.lines().stream()
          .filter(l -> l.position().equalsIgnoreCase(position)).map(OrderLine::slotId)
          .findFirst().orElseThrow(() -> ValidationException.of("deliver",
              "slot " + position + " has no line in visit " + n)), units));
      ServiceOrder after = session.serviceOrders().completeVisit(order.id(), visit.id(),
          new CompleteVisit(delivered, returnUndelivered, notes, mismatchUndelivered));
      print(after, () -> OrderCommand.summary(after, out()));
    }
  }

  @Command(name = "skip", description = "Skip a visit, with a reason.")
  static final class Skip extends EngineCommand.Writing {
    @Parameters(index = "0", paramLabel = "ORDER",
        description = "The order number.") String number;
    @Parameters(index = "1", paramLabel = "VISIT",
        description = "The visit's number in the order, from 1.") int n;
    @Option(names = "--return-to-stock",
        description = "Put the visit's planned units back into stock.") boolean returnToStock;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      ServiceOrder order = OrderCommand.byNumber(session, number);
      ServiceOrder after = session.serviceOrders().skipVisit(order.id(), visit(order, n).id(),
          requiredReason(), returnToStock);
      print(after, () -> OrderCommand.summary(after, out()));
    }
  }
}
