package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.stock.DeliveryNote;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delivery-note", description = "Delivery notes.",
    subcommands = DeliveryNoteCommand.Show.class)
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
    @Parameters(paramLabel = "NUMBER") String number;

    @Override
    void run(Restock engine) {
      DeliveryNote note = reader(engine).stock().deliveryNote(number);
      print(note, () -> render(note, out()));
    }
  }
}
