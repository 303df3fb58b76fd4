package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Import data from files.",
    subcommands = ImportCommand.Fleet.class)
final class ImportCommand {

  @Command(name = "fleet", description = "Import locations, routes, devices with their "
      + "cabinets, planograms and slots from a CSV or JSON file, keyed by location name, route "
      + "code, device serial, cabinet number and slot position. Idempotent: what is already as "
      + "the file says is left alone. One unit of work: every bad row is reported with its line "
      + "and nothing is written if any row is bad. --format csv|json names the file's format "
      + "(default: from its extension); the output is text, or JSON with --json.")
  static final class Fleet extends EngineCommand.Writing implements EngineCommand.ReadsFiles {
    @Parameters(paramLabel = "FILE", description = "The fleet file (.csv or .json).")
    Path file;

    @Option(names = "--dry-run", description = "Check the file and say what would change; "
        + "write nothing.")
    boolean dryRun;

    @Override
    void run(Restock engine) {
      String format = inputFormat;
      String kind = format != null ? format.strip().toLowerCase(java.util.Locale.ROOT)
          : FleetFile.formatOf(file);
      if (!"csv".equals(kind) && !"json".equals(kind)) {
        throw ValidationException.of("--format", format != null
            ? "must be csv or json (was " + format + ")"
            : "cannot tell from the name " + file.getFileName() + "; give --format csv|json");
      }
      if (!Files.isRegularFile(file)) {
        throw ValidationException.of("FILE", "no such file: " + file);
      }
      String name = file.getFileName().toString();
      Progress progress = Progress.of(spec, "import fleet");
      progress.step("reading " + name);
      List<FleetFile.Row> rows;
      try {
        rows = FleetFile.read(file, kind);
      } catch (FleetFile.Unreadable e) {
        throw ValidationException.of(name + ":" + e.line, "not readable as " + kind + ": "
            + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      progress.step("checking " + rows.size() + " row(s)");
      FleetImport plan;
      FleetImport.Counts counts;
      try {
        plan = FleetImport.check(name, rows, reader(engine));
        counts = plan.preview();
        if (counts.changes() && !dryRun) {
          progress.step("writing in one unit of work");
          counts = engine.inUnitOfWork(actor(engine), plan::apply);
        }
      } finally {
        progress.done();
      }
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("file", name);
      view.put("written", counts.changes() && !dryRun);
      view.putAll(counts.view());
      FleetImport.Counts done = counts;
      print(view, () -> {
        out().println((dryRun ? "checked " : "imported ") + name + ": " + rows.size()
            + " row(s), " + (!done.changes() ? "nothing to change"
                : dryRun ? "nothing written (--dry-run)" : "written in one unit of work"));
        Table t = newTable("KIND", "CREATED", "UPDATED", "UNCHANGED");
        done.byKind().forEach((k, c) -> t.row(k, c[0], c[1], c[2]));
        print(t);
      });
    }
  }
}
