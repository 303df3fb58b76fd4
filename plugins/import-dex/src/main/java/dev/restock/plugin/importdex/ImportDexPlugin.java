package dev.restock.plugin.importdex;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettings;
import dev.restock.api.stability.Experimental;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Registers the machine-read parsers {@code dex} ({@link DexReadParser}: EVA-DTS / DEX-UCS audit
 * files) and {@code csv} ({@link CsvReadParser}: the same counters exported by telemetry).
 * Discoverable through {@link java.util.ServiceLoader}, or registered explicitly.
 *
 * <p>Setting (plugin id {@code import-dex}; builder property {@code import-dex.zone=Europe/Berlin}
 * or environment variable {@code RESTOCK_IMPORT_DEX__ZONE}): {@value #ZONE}, the time zone of the
 * machines' clocks, in which the local dates and times of DEX files (and of CSV {@code read_at}
 * values without an offset) are read; a {@link ZoneId} such as {@code Europe/Berlin} or {@code
 * +01:00}, UTC by default. A value that is no zone fails the engine's start.
 */
@Experimental(since = "0.2")
public final class ImportDexPlugin implements EnginePlugin {
  /** Setting: the zone of the machines' clocks, a {@link ZoneId}; UTC by default. */
  public static final String ZONE = "zone";

  /** The plugin's parsers, configured by its settings. */
  public ImportDexPlugin() {}

  @Override
  public String id() {
    return "import-dex";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    PluginSettings settings = registrar.settings();
    ZoneId zone = ZoneOffset.UTC;
    String value = settings.get(ZONE).orElse(null);
    if (value != null) {
      try {
        zone = ZoneId.of(value);
      } catch (DateTimeException e) {
        throw settings.invalid(ZONE, "must be a time zone such as Europe/Berlin or +01:00");
      }
    }
    registrar.readParser(new DexReadParser(zone)).readParser(new CsvReadParser(zone));
  }
}
