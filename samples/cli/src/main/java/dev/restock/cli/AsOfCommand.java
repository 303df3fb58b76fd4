package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.validation.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "as-of", description = "An entity as it was at a given time; a device with its "
    + "cabinets, planograms and slots.")
final class AsOfCommand extends EngineCommand {
  @Parameters(index = "0", paramLabel = "TYPE") String type;
  @Parameters(index = "1", paramLabel = "ID") String id;
  @Parameters(index = "2", paramLabel = "TIME",
      description = "ISO instant (2026-11-20T17:00:00Z), local date-time or date (UTC).")
  String time;

  @Override
  void run(Restock engine) {
    AuditedType audited = Aggregates.type(type);
    UUID uuid = Aggregates.uuid(id);
    Instant at = instant(time);
    RestockSession session = reader(engine);
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
      out().println(audited.label() + " " + uuid + " at " + at + " (revision "
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

  /** TIME as an instant the database holds (years 1 to 9999). */
  static Instant instant(String text) {
    Instant at = parse(text);
    if (!new Checks().instant(at, "TIME").ok()) {
      throw new RestockCli.UsageException("TIME must be between years 1 and 9999 (was '" + text
          + "')");
    }
    return at;
  }

  private static Instant parse(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDateTime) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw new RestockCli.UsageException("TIME must be an ISO instant, date-time or date "
              + "(was '" + text + "')");
        }
      }
    }
  }
}
