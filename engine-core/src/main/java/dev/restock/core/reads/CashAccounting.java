package dev.restock.core.reads;

import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Device;
import dev.restock.api.query.Visibility;
import dev.restock.api.reads.CashLine;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.spi.Store;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Cash accountability from stored reads: one line per visit, from a device's read to its next
 * one, for every read that is not a baseline (a baseline has nothing before it to account for).
 * A route's devices are the ones on it now. The serial shown is the one the read carried.
 */
final class CashAccounting {
  private final Store store;

  CashAccounting(Store store) {
    this.store = store;
  }

  List<CashLine> lines(UUID routeId, Instant since, Instant until) {
    Map<UUID, Device> devices = new HashMap<>();
    if (routeId != null) {
      store.routes().find(routeId, Visibility.LIVE)
          .orElseThrow(() -> new NotFoundException("route", routeId));
      store.devices().listByRoute(routeId).forEach(d -> devices.put(d.id(), d));
    }
    Set<UUID> onRoute = devices.keySet();
    // the reads before the period are needed too: each visit starts at the read before it
    Map<UUID, List<StoredRead>> byDevice = store.machineReads()
        .between(null, Checks.EARLIEST, until).stream()
        .filter(r -> routeId == null || onRoute.contains(r.deviceId()))
        .collect(Collectors.groupingBy(StoredRead::deviceId, LinkedHashMap::new,
            Collectors.toList()));
    List<CashLine> lines = new ArrayList<>();
    byDevice.forEach((deviceId, reads) -> {
      String name = Optional.ofNullable(devices.get(deviceId))
          .or(() -> store.devices().find(deviceId, Visibility.INCLUDE_DELETED))
          .map(Device::name).orElse("?");
      for (int i = 1; i < reads.size(); i++) {
        StoredRead r = reads.get(i);
        if (r.baseline() || r.readAt().isBefore(since)) {
          continue;
        }
        BigDecimal difference = r.cashDelta() == null || r.cashlessDelta() == null ? null
            : r.cashDelta().add(r.cashlessDelta()).subtract(r.vendValue());
        lines.add(new CashLine(deviceId, r.machineSerial(), name, reads.get(i - 1).readAt(),
            r.readAt(), r.unitsVended(), r.vendValue(), r.cashDelta(), r.cashlessDelta(),
            difference));
      }
    });
    lines.sort(Comparator.comparing(CashLine::serialNumber).thenComparing(CashLine::to));
    return lines;
  }
}
