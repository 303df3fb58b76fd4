package dev.restock.plugin.storememory;

import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sales, append-only, in the order they were recorded. Each sale keeps the device its slot was
 * in (a slot never changes device); its sku and route are looked up when searched, as the JPA
 * store does.
 */
final class MemorySalesLedger implements SalesLedger {
  /** A sale and the device of its slot. */
  private record Sale(SaleRecord record, UUID deviceId) {}

  private final MemoryDb db;
  private final Table<Long, Sale> table;
  private final Function<Collection<UUID>, Map<UUID, UUID>> devicesOfSlots;
  private final Function<UUID, UUID> routeOfDevice;
  private final Function<UUID, String> skuOfProduct;

  /**
   * @param devicesOfSlots the devices stored slots are in, by slot id
   * @param routeOfDevice the route of a stored device (deleted ones too), or null
   * @param skuOfProduct the sku of a stored product (deleted ones too), or null
   */
  MemorySalesLedger(MemoryDb db, Function<Collection<UUID>, Map<UUID, UUID>> devicesOfSlots,
      Function<UUID, UUID> routeOfDevice, Function<UUID, String> skuOfProduct) {
    this.db = db;
    this.table = new Table<>(db);
    this.devicesOfSlots = devicesOfSlots;
    this.routeOfDevice = routeOfDevice;
    this.skuOfProduct = skuOfProduct;
  }

  @Override
  public void append(List<SaleRecord> records) {
    db.writeUnit();
    long next = table.size();
    Map<UUID, UUID> devices = devicesOfSlots.apply(
        records.stream().map(SaleRecord::slotId).toList());
    for (SaleRecord r : records) {
      table.put(next++, new Sale(r, devices.get(r.slotId())));
      db.inserts.incrementAndGet();
    }
  }

  private List<SaleRecord> records() {
    return table.all().stream().map(Sale::record).toList();
  }

  @Override
  public Map<UUID, Integer> unitsSoldSince(Collection<UUID> slotIds, Instant since) {
    Set<UUID> wanted = Set.copyOf(slotIds);
    Map<UUID, Integer> sold = new HashMap<>();
    for (SaleRecord r : records()) {
      if (wanted.contains(r.slotId()) && !r.recordedAt().isBefore(since)) {
        sold.merge(r.slotId(), r.units(), Integer::sum);
      }
    }
    return db.counted(sold, sold.size());
  }

  @Override
  public List<SaleRecord> forSlot(UUID slotId) {
    List<SaleRecord> sales = records().stream().filter(r -> r.slotId().equals(slotId))
        .sorted(Comparator.comparing(SaleRecord::recordedAt)).toList();
    return db.counted(sales, sales.size());
  }

  private Map<String, Function<Sale, Object>> fields() {
    return Map.of("slotId", s -> s.record().slotId(), "productId", s -> s.record().productId(),
        "sku", s -> skuOfProduct.apply(s.record().productId()), "deviceId", Sale::deviceId,
        "routeId", s -> s.deviceId() == null ? null : routeOfDevice.apply(s.deviceId()),
        "units", s -> s.record().units(), "recordedAt", s -> s.record().recordedAt(),
        "recordedBy", s -> s.record().recordedBy());
  }

  /** Newest first: by recording time, then in the reverse of the order of appending. */
  @Override
  public Page<SaleRecord> find(Criteria criteria, PageRequest request) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(request, "request");
    List<Sale> newestAppendedFirst = new ArrayList<>(table.all());
    Collections.reverse(newestAppendedFirst);
    Page<Sale> page = Matching.page(newestAppendedFirst, criteria, fields(),
        Comparator.comparing((Sale s) -> s.record().recordedAt()).reversed(), request);
    List<SaleRecord> items = page.items().stream().map(Sale::record).toList();
    return db.counted(Page.of(items, request, page.total()), items.size());
  }
}
