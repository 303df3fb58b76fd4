package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.Visibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "slot", description = "Slots of a cabinet's active planogram, one at a time.",
    subcommands = {SlotCommand.Set.class, SlotCommand.Clear.class, SlotCommand.Remove.class,
        SlotCommand.ListSlots.class})
final class SlotCommand {

  /** The slot table: position, product sku, quantity, par, capacity, price. */
  static Table table(EngineCommand command, List<Slot> slots, Map<UUID, String> skus) {
    Table t = command.newTable("SLOT", "PRODUCT", "QTY", "PAR", "CAPACITY", "PRICE");
    slots.forEach(s -> t.row(s.position(),
        s.productId() == null ? "(empty)" : skus.get(s.productId()), s.quantity(), s.parLevel(),
        s.capacity(), s.price() == null ? null : s.price().toPlainString()));
    return t;
  }

  /** The active planogram of a device's cabinet. */
  static Planogram active(RestockSession session, Cabinet cabinet, Device device) {
    try {
      return session.planograms().activeFor(cabinet.id());
    } catch (NotFoundException e) {
      throw new NotFoundException("planogram of " + device.serialNumber() + " cabinet",
          cabinet.index() + " (add one with 'restock planogram add')");
    }
  }

  /** The current slots as specs, every quantity and price kept as it is. */
  static List<SlotSpec> specs(List<Slot> slots) {
    return slots.stream().map(s -> new SlotSpec(s.position(), s.productId(), s.capacity(),
        s.parLevel(), s.quantity(), s.price())).toList();
  }

  abstract static class SlotWrite extends EngineCommand.Writing {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device's serial or id.")
    String device;
    @Parameters(index = "1", paramLabel = "CABINET", description = "The cabinet's number, "
        + "from 1.")
    String cabinet;
    @Parameters(index = "2", paramLabel = "POSITION", description = "The slot, like A1.")
    String position;

    String position() {
      return position.strip().toUpperCase(Locale.ROOT);
    }
  }

  @Command(name = "set", description = "Set one slot without resending the planogram: it is "
      + "changed, or added when the position is free. Options not given keep their value.")
  static final class Set extends SlotWrite {
    @Option(names = "--product", paramLabel = "SKU", description = "The product it holds.")
    String product;
    @Option(names = "--capacity", paramLabel = "N", description = "Units it holds, 1..999.")
    Integer capacity;
    @Option(names = "--par", paramLabel = "N", description = "Level to fill to, 0..capacity.")
    Integer par;
    @Option(names = "--price", paramLabel = "P", description = "Its price (default: the "
        + "product's).")
    String price;
    @Option(names = "--quantity", paramLabel = "N", description = "Units in it now, "
        + "0..capacity (default: kept while the product stays the same).")
    Integer quantity;

    @Override
    void run(Restock engine) {
      RestockSession session = writer(engine);
      List<Violation> problems = new ArrayList<>();
      BigDecimal amount = ProductCommand.price(price, problems);
      Device d = NaturalKeys.device(session, device, Visibility.LIVE);
      Cabinet c = NaturalKeys.cabinet(d, cabinet);
      UUID productId = product == null ? null : ProductCommand.find(session, product, false).id();
      SetSlot set = ProductCommand.command(problems,
          () -> new SetSlot(position(), productId, capacity, par, quantity, amount));
      Planogram p = session.planograms().setSlot(c.id(), set);
      Slot slot = p.slotAt(position()).orElseThrow();
      print(slot, () -> out().println("set slot " + slot.position() + " of " + d.serialNumber()
          + " cabinet " + c.index() + ": " + (product == null ? "" : product + ", ")
          + slot.quantity() + "/" + slot.capacity() + " par " + slot.parLevel()));
    }
  }

  @Command(name = "clear", description = "Empty a slot: no product, quantity and par 0; the "
      + "other slots keep their quantities.")
  static final class Clear extends SlotWrite {
    @Override
    void run(Restock engine) {
      rewrite(this, engine, "cleared", (slots, s) -> slots.add(new SlotSpec(s.position(), null,
          s.capacity(), 0, 0, null)));
    }
  }

  @Command(name = "remove", description = "Remove a slot from the planogram; the other slots "
      + "keep their quantities.")
  static final class Remove extends SlotWrite {
    @Override
    void run(Restock engine) {
      rewrite(this, engine, "removed", (slots, s) -> { });
    }
  }

  /** Resends the planogram's slots with the one at POSITION replaced by what {@code change} adds. */
  private static void rewrite(SlotWrite command, Restock engine, String done,
      java.util.function.BiConsumer<List<SlotSpec>, Slot> change) {
    RestockSession session = command.writer(engine);
    Device d = NaturalKeys.device(session, command.device, Visibility.LIVE);
    Cabinet c = NaturalKeys.cabinet(d, command.cabinet);
    Planogram p = active(session, c, d);
    Slot target = p.slotAt(command.position()).orElseThrow(() -> new NotFoundException(
        "slot of " + d.serialNumber() + " cabinet " + c.index(), command.position()));
    List<SlotSpec> slots = new ArrayList<>();
    for (Slot s : p.slots()) {
      if (s.id().equals(target.id())) {
        change.accept(slots, s);
      } else {
        slots.addAll(specs(List.of(s)));
      }
    }
    session.planograms().update(p.id(), new UpdatePlanogram(null, slots));
    command.print(Map.of("slot", target.position(), "done", done), () -> command.out().println(
        done + " slot " + target.position() + " of " + d.serialNumber() + " cabinet "
            + c.index()));
  }

  @Command(name = "list", description = "List a device's slots, cabinet by cabinet.")
  static final class ListSlots extends EngineCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device's serial or id.")
    String device;
    @Option(names = "--cabinet", paramLabel = "N", description = "Only this cabinet.")
    String cabinet;
    @picocli.CommandLine.Mixin Paging paging;

    /** One slot as listed: its cabinet number, position, product sku and levels. */
    record Row(int cabinet, String position, String sku, int quantity, int parLevel,
        int capacity, java.math.BigDecimal price, UUID slotId) {}

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      DeviceSetup setup = session.devices().getWithPlanograms(
          NaturalKeys.device(session, device, Visibility.LIVE).id());
      UUID only = cabinet == null ? null : NaturalKeys.cabinet(setup.device(), cabinet).id();
      Map<UUID, String> skus = DeviceCommand.skus(session, setup.planograms());
      List<Row> rows = new java.util.ArrayList<>();
      for (Cabinet c : setup.device().cabinets()) {
        if (only != null && !only.equals(c.id())) {
          continue;
        }
        setup.planograms().stream().filter(p -> p.cabinetId().equals(c.id())).findFirst()
            .ifPresent(p -> p.slots().forEach(s -> rows.add(new Row(c.index(), s.position(),
                s.productId() == null ? null : skus.get(s.productId()), s.quantity(),
                s.parLevel(), s.capacity(), s.price(), s.id()))));
      }
      dev.restock.api.query.Page<Row> page = slice(paging, rows);
      printPage(page, () -> {
        Table t = newTable("CABINET", "SLOT", "PRODUCT", "QTY", "PAR", "CAPACITY", "PRICE");
        page.items().forEach(r -> t.row(r.cabinet(), r.position(),
            r.sku() == null ? "(empty)" : r.sku(), r.quantity(), r.parLevel(), r.capacity(),
            r.price() == null ? null : r.price().toPlainString()));
        print(t);
      });
    }
  }
}
