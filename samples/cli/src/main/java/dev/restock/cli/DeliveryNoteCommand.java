package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.RestockSession;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delivery-note", description = "Delivery notes.",
    subcommands = {DeliveryNoteCommand.Show.class, DeliveryNoteCommand.ListNotes.class})
final class DeliveryNoteCommand {

  static void render(DeliveryNote note, PrintWriter out) {
    out.println("Delivery note " + note.number() + " for order " + note.orderNumber() + ", issued "
        + note.issuedAt() + ", " + note.totalUnits() + " unit(s)");
    Table t = new Table("SKU", "QUANTITY");
    note.lines().forEach(l -> t.row(l.sku(), l.quantity()));
    t.print(out);
  }

  @Command(name = "show", description = "Show a delivery note by number.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "NUMBER",
        description = "The note number, e.g. DN-2026-000001.") String number;

    @Override
    void run(Restock engine) {
      DeliveryNote note = reader(engine).stock().deliveryNote(number);
      print(note, () -> render(note, out()));
    }
  }

  @Command(name = "list", description = "List delivery notes, newest first, optionally by route, "
      + "order or issue time.")
  static final class ListNotes extends EngineCommand {
    @Option(names = "--page", defaultValue = "1",
        description = "Page number, from 1 (default: ${DEFAULT-VALUE}).") int page;
    @Option(names = "--size", defaultValue = "50",
        description = "Rows per page (default: ${DEFAULT-VALUE}).") int size;
    @Option(names = "--route", paramLabel = "CODE", description = "Notes of this route's orders.")
    String route;
    @Option(names = "--order", paramLabel = "NUMBER",
        description = "The note of this order.") String order;
    @Mixin TimeRange time;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Criteria criteria = Criteria.all();
      if (route != null) {
        criteria = criteria.and("routeId", Criteria.Operator.EQ,
            session.routes().getByCode(route).id());
      }
      if (order != null) {
        criteria = criteria.and("orderNumber", Criteria.Operator.EQ, order.strip());
      }
      criteria = time.within(criteria, "issuedAt");
      Page<DeliveryNote> notes = session.stock().deliveryNotes(criteria,
          PageRequest.of(Math.max(0, page - 1), size));
      print(notes, () -> {
        Table t = new Table("NUMBER", "ORDER", "ISSUED", "LINES", "UNITS");
        notes.items().forEach(n -> t.row(n.number(), n.orderNumber(), n.issuedAt(),
            n.lines().size(), n.totalUnits()));
        t.print(out());
      });
    }
  }
}
