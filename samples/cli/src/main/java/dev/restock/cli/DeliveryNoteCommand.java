package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.RestockSession;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delivery-note", description = "Delivery notes.",
    subcommands = {DeliveryNoteCommand.Show.class, DeliveryNoteCommand.ListNotes.class})
final class DeliveryNoteCommand {

  static void render(DeliveryNote note, PrintWriter out) {
    out.println(title(note));
    Table t = new Table("SKU", "QUANTITY");
    note.lines().forEach(l -> t.row(l.sku(), l.quantity()));
    t.print(out);
  }

  /** A note as the command's output: a title line, then its lines as a table. */
  static void render(EngineCommand command, DeliveryNote note) {
    command.out().println(title(note));
    Table t = command.newTable("SKU", "QUANTITY");
    note.lines().forEach(l -> t.row(l.sku(), l.quantity()));
    command.print(t);
  }

  private static String title(DeliveryNote note) {
    return "Delivery note " + note.number() + " for order " + note.orderNumber() + ", issued "
        + note.issuedAt() + ", " + note.totalUnits() + " unit(s)";
  }

  @Command(name = "show", description = "Show a delivery note by number.")
  static final class Show extends EngineCommand {
    @Parameters(paramLabel = "NUMBER",
        description = "The note number, e.g. DN-2026-000001.") String number;

    @Override
    void run(Restock engine) {
      DeliveryNote note = reader(engine).stock().deliveryNote(number);
      print(note, () -> render(this, note));
    }
  }

  @Command(name = "list", description = "List delivery notes, newest first, optionally by route, "
      + "order or issue time.")
  static final class ListNotes extends EngineCommand {
    @Mixin Paging paging;
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
      Criteria filter = criteria;
      Page<DeliveryNote> notes = read(paging,
          request -> session.stock().deliveryNotes(filter, request));
      printPage(notes, () -> {
        Table t = newTable("NUMBER", "ORDER", "ISSUED", "LINES", "UNITS");
        notes.items().forEach(n -> t.row(n.number(), n.orderNumber(), n.issuedAt(),
            n.lines().size(), n.totalUnits()));
        print(t);
      });
    }
  }
}
