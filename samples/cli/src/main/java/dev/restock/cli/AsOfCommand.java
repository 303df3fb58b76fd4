package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.error.ValidationException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "as-of", description = "An entity as it was at a given time; a device with its "
    + "cabinets, planograms and slots.")
final class AsOfCommand extends EngineCommand {
  @Parameters(index = "0", paramLabel = "TYPE",
      description = "product, location, route, device-type, cabinet-type, device, cabinet, "
          + "planogram, slot, user, service-order or stock.")
  String type;

  @Parameters(index = "1", paramLabel = "KEY",
      description = "Which one, live or deleted: sku, route code, device serial, username, "
          + "order number, name; a cabinet as SERIAL/INDEX, a slot as SERIAL/INDEX/POSITION; "
          + "or a UUID.")
  String id;

  @Parameters(index = "2", paramLabel = "TIME",
      description = "An age (30m, 12h, 7d), a date (2026-12-01, midnight UTC) or an ISO "
          + "instant (2026-11-20T17:00:00Z).")
  String time;

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    Instant at;
    try {
      at = PointInTime.parse(time, Instant.now());
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("TIME", e.getMessage());
    }
    RestockSession session = reader(engine);
    UUID uuid = NaturalIds.resolve(session, audited, id, NaturalIds.Among.LIVE_FIRST);
    if (audited == AuditedType.DEVICE) {
      DeviceSnapshot snapshot = session.history().deviceAsOf(uuid, at);
      print(snapshot, () -> {
        out().println("device " + fields(snapshot.device()));
        for (DeviceSnapshot.CabinetState c : snapshot.cabinets()) {
          out().println("  cabinet " + fields(c.cabinet()));
          for (DeviceSnapshot.PlanogramState p : c.planograms()) {
            out().println("    planogram " + fields(p.planogram()));
            p.slots().forEach(s -> out().println("      slot " + fields(s)));
          }
        }
      });
      return;
    }
    EntityRevision state = session.history().asOf(audited, uuid, at);
    print(state, () -> {
      out().println(audited.label() + " " + id + " at " + at + " (revision "
          + state.info().number() + ", " + state.info().action() + ", "
          + state.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
      state.state().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> out().println("  " + e.getKey() + " = " + e.getValue()));
    });
  }

  private static String fields(Map<String, String> state) {
    return state.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }
}
