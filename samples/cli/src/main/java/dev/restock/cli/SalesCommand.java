package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.catalog.Product;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.reads.StoredRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sales", description = "Recorded sales, and sales imported from the machines.",
    subcommands = {SalesCommand.ListSales.class, SalesCommand.Import.class})
final class SalesCommand {

  @Command(name = "import", description = "Import machine reads (DEX/EVA-DTS audit files) in one "
      + "unit of work: each read is matched to the device with its machine serial, and the units "
      + "vended since the device's previous read are recorded as sales at the read's time. A "
      + "device's first read is a baseline (no sales). A file imported before is skipped. Any "
      + "bad file or read is reported, and then nothing is written. --format names the files' "
      + "format: the id of a registered read parser, dex (default) or csv; an unknown one is "
      + "refused with the known ones.")
  static final class Import extends EngineCommand.Writing implements EngineCommand.ReadsFiles {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to import.")
    List<Path> files;

    @Option(names = "--map", paramLabel = "FILE", description = "CSV file with the header "
        + "serial,selection,position mapping a machine's selection codes to slot positions "
        + "(A1, or 2:A1 for the second cabinet), for codes that are neither positions nor "
        + "row-and-column numbers (101 is A1).")
    Path map;

    @Override
    void run(Restock engine) {
      Progress progress = Progress.of(spec, "sales import");
      List<ReadFile> reads = new ArrayList<>();
      for (Path file : files) {
        try {
          reads.add(new ReadFile(file.getFileName().toString(), Files.readAllBytes(file)));
        } catch (IOException e) {
          throw new RestockCli.UsageException("cannot read " + file + ": " + e.getMessage());
        }
        progress.count(reads.size(), files.size(), "files read");
      }
      progress.step("checking and writing in one unit of work");
      Map<String, Map<String, String>> maps = map == null ? null : SelectionMapFile.read(map);
      RestockSession session = writer(engine);
      ImportResult result;
      try {
        result = session.machineReads().importReads(new ImportReads(reads, inputFormat, maps));
      } finally {
        progress.done();
      }
      RestockSession names = reader(engine);
      print(result, () -> {
        Table t = newTable("FILE", "OUTCOME", "DEVICE", "SERIAL", "READ AT", "UNITS", "SALES");
        Map<UUID, String> deviceNames = new HashMap<>();
        for (ImportResult.FileOutcome f : result.files()) {
          if (f.alreadyImported()) {
            t.row(f.name(), "already imported", "", "", "", "", "");
            continue;
          }
          boolean first = true;
          for (StoredRead r : f.reads()) {
            String device = deviceNames.computeIfAbsent(r.deviceId(),
                id -> names.devices().get(id).name());
            // a file's sales are counted per file: on its first row
            t.row(f.name(), r.baseline() ? "imported (baseline)" : "imported", device,
                r.machineSerial(), r.readAt(), r.unitsVended(), first ? f.salesRecorded() : "");
            first = false;
          }
        }
        print(t);
        out().println(result.files().stream().filter(f -> !f.alreadyImported()).count()
            + " file(s) imported, " + result.files().stream()
            .filter(ImportResult.FileOutcome::alreadyImported).count()
            + " already imported, " + result.files().stream()
            .mapToInt(ImportResult.FileOutcome::salesRecorded).sum() + " sale(s) recorded");
      });
    }
  }

  @Command(name = "list", description = "List recorded sales, newest first, optionally by route, "
      + "device, sku or time.")
  static final class ListSales extends EngineCommand {
    @Option(names = "--page", defaultValue = "1",
        description = "Page number, from 1 (default: ${DEFAULT-VALUE}).") int page;
    @Option(names = "--size", defaultValue = "50",
        description = "Rows per page (default: ${DEFAULT-VALUE}).") int size;
    @Option(names = "--route", paramLabel = "CODE",
        description = "Sales from the devices now on this route.") String route;
    @Option(names = "--device", paramLabel = "SERIAL", description = "Sales from this device.")
    String device;
    @Option(names = "--sku", paramLabel = "SKU",
        description = "Sales of this product.") String sku;
    @Mixin TimeRange time;

    @Override
    void run(Restock engine) {
      RestockSession session = reader(engine);
      Criteria criteria = Criteria.all();
      if (route != null) {
        criteria = criteria.and("routeId", Criteria.Operator.EQ,
            session.routes().getByCode(route).id());
      }
      if (device != null) {
        criteria = criteria.and("deviceId", Criteria.Operator.EQ,
            session.devices().getBySerialNumber(device).id());
      }
      if (sku != null) {
        criteria = criteria.and("sku", Criteria.Operator.EQ, sku.strip());
      }
      criteria = time.within(criteria, "recordedAt");
      Page<SaleRecord> sales = session.sales().find(criteria,
          PageRequest.of(Math.max(0, page - 1), size));
      print(sales, () -> {
        Map<UUID, String> skus = skus(session, sales.items().stream()
            .map(SaleRecord::productId).collect(Collectors.toSet()));
        Map<UUID, String> slots = slotNames(session, sales.items().stream()
            .map(SaleRecord::slotId).collect(Collectors.toSet()));
        Table t = newTable("RECORDED", "SKU", "UNITS", "BEFORE", "AFTER", "SLOT");
        sales.items().forEach(s -> t.row(s.recordedAt(), skus.get(s.productId()), s.units(),
            s.previousQuantity(), s.newQuantity(), slots.getOrDefault(s.slotId(), "(deleted)")));
        print(t);
        out().println("page " + (sales.page() + 1) + " of " + sales.pages() + ", " + sales.total()
            + " sale(s)");
      });
    }

    /**
     * {@code SERIAL/CABINET/POSITION} of these slots, as people name them, reading live devices
     * with their planograms page by page until all are seen; a slot of a deleted device or a
     * replaced planogram is absent.
     */
    private static Map<UUID, String> slotNames(RestockSession session, Set<UUID> wanted) {
      Map<UUID, String> names = new HashMap<>();
      for (int p = 0; names.size() < wanted.size(); p++) {
        Page<dev.restock.api.fleet.DeviceSetup> setups = session.devices().listWithPlanograms(
            PageRequest.of(p, PageRequest.MAX_SIZE));
        for (dev.restock.api.fleet.DeviceSetup setup : setups.items()) {
          for (dev.restock.api.planogram.Planogram planogram : setup.planograms()) {
            int cabinet = setup.device().cabinets().stream()
                .filter(c -> c.id().equals(planogram.cabinetId())).findFirst()
                .map(dev.restock.api.fleet.Cabinet::index).orElse(0);
            planogram.slots().stream().filter(slot -> wanted.contains(slot.id()))
                .forEach(slot -> names.put(slot.id(), setup.device().serialNumber() + "/"
                    + cabinet + "/" + slot.position()));
          }
        }
        if (p + 1 >= setups.pages()) {
          break;
        }
      }
      return names;
    }

    /** Skus of these products, deleted ones included, reading product pages until all are seen. */
    private static Map<UUID, String> skus(RestockSession session, Set<UUID> wanted) {
      Map<UUID, String> skus = new HashMap<>();
      for (int p = 0; skus.size() < wanted.size(); p++) {
        Page<Product> products = session.products().list(PageRequest.of(p, 500),
            Visibility.INCLUDE_DELETED);
        products.items().stream().filter(x -> wanted.contains(x.id()))
            .forEach(x -> skus.put(x.id(), x.sku()));
        if (p + 1 >= products.pages()) {
          break;
        }
      }
      return skus;
    }
  }
}
