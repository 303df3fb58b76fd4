package dev.restock.core.reads;

import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.ImportResult.FileOutcome;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.spi.Store;
import dev.restock.api.validation.Checks;
import dev.restock.core.planogram.SlotUpdates;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One import, inside its unit of work: every file parsed, every read matched and derived, every
 * problem collected; then, only if there is none, slots, sales and reads written together.
 */
final class ReadImport {
  private final Store store;
  private final ReadParser parser;
  private final ImportReads command;
  private final Instant now;
  private final UUID actor;
  private final Checks checks = new Checks();
  private final Map<UUID, Slot> slotsNow = new LinkedHashMap<>();
  private final Map<UUID, BigDecimal> productPrices = new HashMap<>();
  private final List<SaleRecord> sales = new ArrayList<>();
  private final List<StoredRead> stored = new ArrayList<>();
  private final Map<UUID, Integer> originalQuantity = new HashMap<>();
  // which file of the command each sale and read came from
  private final Map<UUID, Integer> saleFile = new HashMap<>();
  private final Map<UUID, Integer> readFile = new HashMap<>();

  ReadImport(Store store, ReadParser parser, ImportReads command, Instant now, UUID actor) {
    this.store = store;
    this.parser = parser;
    this.command = command;
    this.now = now;
    this.actor = actor;
  }

  /** A read waiting to be stored, with the file it came from. */
  private record Pending(int file, String field, String hash, String source, MachineRead read,
      Instant readAt) {}

  ImportResult run() {
    List<ReadFile> files = command.files();
    boolean[] already = new boolean[files.size()];
    Set<String> seen = new HashSet<>();
    List<Pending> pending = new ArrayList<>();
    List<String> hashes = files.stream().map(f -> sha256(f.content())).toList();
    Set<String> known = store.machineReads().storedHashes(new HashSet<>(hashes));
    for (int i = 0; i < files.size(); i++) {
      ReadFile file = files.get(i);
      String hash = hashes.get(i);
      if (!seen.add(hash) || known.contains(hash)) {
        already[i] = true;
        continue;
      }
      List<MachineRead> reads;
      try {
        reads = parser.parse(file);
      } catch (ValidationException e) {
        checks.nested("", e.violations());
        continue;
      }
      if (reads.isEmpty()) {
        checks.add(file.name(), "holds no machine read");
      }
      for (MachineRead r : reads) {
        pending.add(new Pending(i, file.name() + ":" + r.line(), hash, file.name(), r,
            r.readAt() == null ? now : r.readAt()));
      }
    }
    Map<String, List<Pending>> bySerial = pending.stream().collect(Collectors.groupingBy(
        p -> p.read().machineSerial(), LinkedHashMap::new, Collectors.toList()));
    Devices devices = devices(bySerial.keySet());
    bySerial.forEach((serial, reads) -> deviceReads(serial, reads, devices));
    checks.throwIfAny();

    SlotUpdates.write(store, slotsNow.values().stream()
        .filter(s -> s.quantity() != originalQuantity.get(s.id())).toList());
    store.sales().append(sales);
    store.machineReads().appendAll(stored);

    List<FileOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      int file = i;
      List<StoredRead> reads = stored.stream().filter(r -> readFile.get(r.id()) == file).toList();
      int salesOf = (int) sales.stream().filter(s -> saleFile.get(s.id()) == file).count();
      outcomes.add(new FileOutcome(files.get(i).name(), already[i], reads, salesOf));
    }
    return new ImportResult(outcomes);
  }


  /** The live devices of the import with their active planograms and latest reads. */
  private record Devices(Map<String, Device> bySerial, Map<UUID, Planogram> planogramByCabinet,
      Map<UUID, StoredRead> latestRead) {}

  /**
   * Every device the reads name, their planograms and their latest reads, each read once for the
   * whole import (a page of devices per {@link PageRequest#MAX_SIZE} serials), not per device.
   */
  private Devices devices(Collection<String> serials) {
    Map<String, Device> bySerial = new HashMap<>();
    List<String> all = List.copyOf(serials);
    for (int from = 0; from < all.size(); from += PageRequest.MAX_SIZE) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + PageRequest.MAX_SIZE));
      store.devices().find(Criteria.where("serialNumber", Criteria.Operator.IN,
              chunk.toArray()), PageRequest.of(0, chunk.size()), Visibility.LIVE).items()
          .forEach(d -> bySerial.put(d.serialNumber(), d));
    }
    List<UUID> cabinets = bySerial.values().stream()
        .flatMap(d -> d.cabinets().stream().map(Cabinet::id)).toList();
    Map<UUID, Planogram> planograms = store.planograms().findActiveByCabinets(cabinets).stream()
        .collect(Collectors.toMap(Planogram::cabinetId, Function.identity()));
    Map<UUID, StoredRead> latest = bySerial.isEmpty() ? Map.of()
        : store.machineReads().latestOf(bySerial.values().stream().map(Device::id).toList());
    return new Devices(bySerial, planograms, latest);
  }

  private void deviceReads(String serial, List<Pending> reads, Devices devices) {
    Device device = devices.bySerial().get(serial);
    if (device == null) {
      reads.forEach(p -> checks.add(p.field(),
          "no device has machine serial '" + serial + "'"));
      return;
    }
    Map<UUID, Planogram> planograms = new HashMap<>();
    for (Cabinet cabinet : device.cabinets()) {
      Planogram planogram = devices.planogramByCabinet().get(cabinet.id());
      if (planogram != null) {
        planograms.put(cabinet.id(), planogram);
      }
    }
    Map<String, String> explicit = command.selectionMaps().getOrDefault(serial, Map.of());
    explicit.forEach((selection, position) -> checks.check(
        SelectionMapping.validTarget(position), "selectionMaps." + serial + "." + selection,
        "'" + position + "' is not a slot position such as A1 or 2:A1"));
    SelectionMapping mapping = new SelectionMapping(device, planograms, explicit);
    StoredRead previous = devices.latestRead().get(device.id());
    List<Pending> inOrder = new ArrayList<>(reads);
    inOrder.sort(Comparator.comparing(Pending::readAt));
    for (Pending p : inOrder) {
      previous = derive(device, mapping, previous, p);
    }
  }

  /** The read as it will be stored; the previous read again when this one is refused. */
  private StoredRead derive(Device device, SelectionMapping mapping, StoredRead previous,
      Pending p) {
    MachineRead read = p.read();
    CounterDeltas deltas = CounterDeltas.of(previous, read, p.readAt());
    if (!deltas.problems().isEmpty()) {
      deltas.problems().forEach(message -> checks.add(p.field(), message));
      return previous;
    }
    int units = 0;
    // to the cent, as every store keeps money
    BigDecimal value = new BigDecimal("0.00");
    boolean ok = true;
    for (SelectionCounter s : read.selections()) {
      String code = s.selection().strip();
      long vends = deltas.baseline() ? s.vends() : deltas.sold().getOrDefault(code, 0L);
      if (vends <= 0) {
        // nothing sold from it (or, at a baseline, never): it need not name a slot
        continue;
      }
      String field = s.line() > 0 ? p.source() + ":" + s.line() : p.field();
      Optional<Slot> slot = mapping.slotFor(code);
      if (slot.isEmpty()) {
        ok = false;
        checks.add(field, "selection " + code + " (" + vends + (deltas.baseline()
            ? " vends" : " vends since the previous read") + ") names no slot of device "
            + device.name() + " (" + device.serialNumber() + "): map it to a position");
        continue;
      }
      if (deltas.baseline()) {
        continue;
      }
      Slot current = slotsNow.computeIfAbsent(slot.get().id(), id -> {
        originalQuantity.put(id, slot.get().quantity());
        return slot.get();
      });
      if (current.productId() == null) {
        ok = false;
        checks.add(field, "selection " + code + " sold " + vends + " but slot "
            + current.position() + " of device " + device.serialNumber() + " is empty");
        continue;
      }
      if (vends > Integer.MAX_VALUE - units) {
        ok = false;
        checks.add(field, "selection " + code + " sold " + vends + " units: implausible");
        continue;
      }
      int sold = (int) vends;
      // the machine counted the vends: the slot held more than the engine knew; it is empty now
      int after = Math.max(0, current.quantity() - sold);
      slotsNow.put(current.id(), current.withQuantity(after));
      SaleRecord sale = new SaleRecord(UUID.randomUUID(), current.id(), current.productId(), sold,
          current.quantity(), after, p.readAt(), actor);
      sales.add(sale);
      saleFile.put(sale.id(), p.file());
      units += sold;
      value = value.add(price(current).multiply(BigDecimal.valueOf(sold)));
    }
    if (!ok) {
      return previous;
    }
    StoredRead storedRead = new StoredRead(UUID.randomUUID(), device.id(), read.machineSerial(),
        p.hash(), p.source(), p.readAt(), read.selections(), read.cash(), deltas.baseline(),
        units, value, deltas.cashDelta(), deltas.cashlessDelta(), now, actor);
    stored.add(storedRead);
    readFile.put(storedRead.id(), p.file());
    return storedRead;
  }

  private BigDecimal price(Slot slot) {
    if (slot.price() != null) {
      return slot.price();
    }
    return productPrices.computeIfAbsent(slot.productId(), id -> store.products()
        .find(id, Visibility.INCLUDE_DELETED).map(Product::price).orElse(BigDecimal.ZERO));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
