package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "planogram", description = "The planogram of a device's cabinet: which product "
    + "sits in which slot. A cabinet has one active planogram; adding one replaces it (planograms "
    + "are replaced, not deleted).",
    subcommands = {PlanogramCommand.Add.class, PlanogramCommand.Update.class,
        PlanogramCommand.ListPlanograms.class, PlanogramCommand.Show.class})
final class PlanogramCommand {
  /** The columns of a slot file. */
  static final List<String> SLOT_COLUMNS = List.of("position", "product", "capacity", "par",
      "quantity", "price");

  abstract static class CabinetWrite extends EngineCommand.Writing {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device's serial or id.")
    String device;
    @Parameters(index = "1", paramLabel = "CABINET", description = "The cabinet's number, "
        + "from 1.")
    String cabinet;
    @Option(names = "--slot", paramLabel = "POS=SKU:CAPACITY:PAR[:QUANTITY[:PRICE]]",
        description = "A slot, e.g. A1=COLA-33:10:8 or A2=:10:0 for an empty one; repeatable.")
    List<String> slots = new ArrayList<>();
    @Option(names = "--file", paramLabel = "FILE", description = "Slots from a CSV file with "
        + "the columns position,product,capacity,par,quantity,price.")
    Path file;

    /** The slots given by --slot and --file, every bad one named; null when none is given. */
    List<SlotSpec> specs(RestockSession session, Planogram current) {
      if (slots.isEmpty() && file == null) {
        return null;
      }
      List<Violation> problems = new ArrayList<>();
      List<SlotSpec> specs = new ArrayList<>();
      for (String slot : slots) {
        String[] posRest = slot.split("=", 2);
        String[] parts = posRest.length < 2 ? new String[0] : posRest[1].split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
          problems.add(new Violation("--slot", "must look like POS=SKU:CAPACITY:PAR[:QUANTITY"
              + "[:PRICE]] (was " + slot + ")"));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("position", posRest[0]);
        for (int i = 0; i < parts.length; i++) {
          fields.put(SLOT_COLUMNS.get(i + 1), parts[i]);
        }
        spec(session, "--slot " + posRest[0].strip(), fields, current, specs, problems);
      }
      if (file != null) {
        try {
          for (FleetFile.Row row : FleetFile.csvRows(file, SLOT_COLUMNS, null)) {
            spec(session, file.getFileName() + ":" + row.line(), row.fields(), current, specs,
                problems);
          }
        } catch (FleetFile.Unreadable e) {
          problems.add(new Violation(file.getFileName() + ":" + e.line, e.getMessage()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return specs;
    }

    private static void spec(RestockSession session, String where, Map<String, String> f,
        Planogram current, List<SlotSpec> specs, List<Violation> problems) {
      try {
        String sku = blank(f.get("product"));
        UUID product = sku == null ? null : ProductCommand.find(session, sku, false).id();
        String position = blank(f.get("position"));
        Integer quantity = number(f.get("quantity"), where, "quantity", problems);
        if (quantity == null && current != null && position != null) {
          // an omitted quantity keeps what the slot holds while its product stays the same
          quantity = current.slotAt(position.strip()).filter(s -> java.util.Objects.equals(
              s.productId(), product)).map(s -> s.quantity()).orElse(null);
        }
        String price = blank(f.get("price"));
        specs.add(new SlotSpec(position, product,
            number(f.get("capacity"), where, "capacity", problems),
            number(f.get("par"), where, "parLevel", problems), quantity,
            price == null ? null : new BigDecimal(price)));
      } catch (ValidationException e) {
        e.violations().forEach(v -> problems.add(new Violation(where + ": " + v.field(),
            v.message())));
      } catch (dev.restock.api.error.NotFoundException e) {
        problems.add(new Violation(where + ": product", e.getMessage()));
      } catch (NumberFormatException e) {
        problems.add(new Violation(where + ": price", "is not a number: " + f.get("price")));
      }
    }

    private static String blank(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer number(String text, String where, String field,
        List<Violation> problems) {
      if (blank(text) == null) {
        return null;
      }
      try {
        return Integer.valueOf(text.strip());
      } catch (NumberFormatException e) {
        problems.add(new Violation(where + ": " + field, "is not a whole number: " + text));
        return null;
      }
    }
  }

  @Command(name = "add", description = "Give a cabinet a new active planogram with its slots "
      + "(from --slot and/or --file), replacing the active one.")
  static final class Add extends CabinetWrite {
    @Option(names = "--name", required = true, description = "The planogram's name.")
    String name;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Device d = NaturalKeys.device(session, device, Visibility.LIVE);
      Cabinet c = NaturalKeys.cabinet(d, cabinet);
      List<SlotSpec> specs = specs(session, null);
      Planogram p = session.planograms().create(new CreatePlanogram(c.id(), name, specs));
      print(p, () -> out().println("added planogram " + p.name() + " to " + d.serialNumber()
          + " cabinet " + c.index() + " (" + p.slots().size() + " slot(s))"));
    }
  }

  @Command(name = "update", description = "Rename a cabinet's active planogram, or give it a "
      + "new slot list (--slot/--file: positions not listed are removed; a slot given without "
      + "a quantity keeps its quantity while it holds the same product).")
  static final class Update extends CabinetWrite {
    @Option(names = "--name", description = "New name.") String name;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      Device d = NaturalKeys.device(session, device, Visibility.LIVE);
      Cabinet c = NaturalKeys.cabinet(d, cabinet);
      Planogram current = SlotCommand.active(session, c, d);
      Planogram p = session.planograms().update(current.id(),
          new UpdatePlanogram(name, specs(session, current)));
      print(p, () -> out().println("updated planogram " + p.name() + " of " + d.serialNumber()
          + " cabinet " + c.index() + " (" + p.slots().size() + " slot(s))"));
    }
  }

  @Command(name = "list", description = "List the active planograms, of every device or one.")
  static final class ListPlanograms extends EngineCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVICE",
        description = "Only this device (serial or id).")
    String device;
    @picocli.CommandLine.Mixin Paging paging;

    /** One row: a device's cabinet and its active planogram. */
    record Row(String serial, int cabinet, Planogram planogram) {}

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      List<DeviceSetup> setups = device != null
          ? List.of(session.devices().getWithPlanograms(
              NaturalKeys.device(session, device, Visibility.LIVE).id()))
          : session.devices().listWithPlanograms(PageRequest.of(0, PageRequest.MAX_SIZE))
              .items();
      List<Row> rows = new java.util.ArrayList<>();
      for (DeviceSetup s : setups) {
        for (Cabinet c : s.device().cabinets()) {
          s.planograms().stream().filter(p -> p.cabinetId().equals(c.id())).findFirst()
              .ifPresent(p -> rows.add(new Row(s.device().serialNumber(), c.index(), p)));
        }
      }
      dev.restock.api.query.Page<Row> page = slice(paging, rows);
      printPage(page, () -> {
        Table t = newTable("DEVICE", "CABINET", "PLANOGRAM", "SLOTS", "UNITS", "PAR");
        page.items().forEach(r -> t.row(r.serial(), r.cabinet(), r.planogram().name(),
            r.planogram().slots().size(),
            r.planogram().slots().stream().mapToInt(x -> x.quantity()).sum(),
            r.planogram().slots().stream().mapToInt(x -> x.parLevel()).sum()));
        print(t);
      });
    }
  }

  @Command(name = "show", description = "Show a cabinet's active planogram with its slots.")
  static final class Show extends EngineCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device's serial or id.")
    String device;
    @Parameters(index = "1", paramLabel = "CABINET", description = "The cabinet's number, "
        + "from 1.")
    String cabinet;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Device d = NaturalKeys.device(session, device, Visibility.LIVE);
      Cabinet c = NaturalKeys.cabinet(d, cabinet);
      Planogram p = SlotCommand.active(session, c, d);
      Map<UUID, String> skus = DeviceCommand.skus(session, List.of(p));
      print(p, () -> {
        out().println("planogram " + p.name() + " of " + d.serialNumber() + " cabinet "
            + c.index() + " (" + c.rows() + "x" + c.columns() + ")");
        print(SlotCommand.table(this, p.slots(), skus));
      });
    }
  }
}
