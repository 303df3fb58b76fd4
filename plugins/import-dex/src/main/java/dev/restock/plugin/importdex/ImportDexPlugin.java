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
 *
 * <p>Setting {@value #REQUIRE_TRAILER} ({@code import-dex.require-trailer=false} or {@code
 * RESTOCK_IMPORT_DEX__REQUIRE_TRAILER}): {@code true} (the default) refuses a DEX file that ends
 * without its {@code SE}/{@code DXE} trailer as truncated; {@code false} accepts such a file
 * (without {@code G85} either) when it ends at a complete segment and its last selection block
 * is complete, as {@link DexReadParser} defines it; such a file cannot be checked for
 * completeness beyond that. Any value other than {@code true} or {@code false} (in any case)
 * fails the engine's start.
 */
@Experimental(since = "0.2")
public final class ImportDexPlugin implements EnginePlugin {
  /** Setting: the zone of the machines' clocks, a {@link ZoneId}; UTC by default. */
  public static final String ZONE = "zone";

  /**
   * Setting: whether a DEX file must end with its trailer ({@code SE}, {@code DXE}); {@code
   * true} by default. With {@code false}, a file without it (and without {@code G85}) is a read
   * when its last segment and its last selection block are complete (see {@link
   * DexReadParser}).
   */
  public static final String REQUIRE_TRAILER = "require-trailer";

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
    boolean requireTrailer = settings.getBoolean(REQUIRE_TRAILER, true);
    registrar.readParser(new DexReadParser(zone, requireTrailer))
        .readParser(new CsvReadParser(zone));
  }
}
