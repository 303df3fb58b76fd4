package dev.restock.plugin.importdex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettingException;
import dev.restock.api.spi.PluginSettings;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.spi.VisitPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ImportDexPluginTest {

  /** Takes read parsers only, with the given settings of the plugin's namespace. */
  private static final class Registrar implements PluginRegistrar {
    final List<ReadParser> parsers = new ArrayList<>();
    final Map<String, String> settings;

    Registrar(Map<String, String> settings) {
      this.settings = settings;
    }

    @Override public PluginRegistrar pickListStrategy(PickListStrategy strategy) {
      throw new AssertionError("import-dex contributes no strategy");
    }

    @Override public PluginRegistrar visitPolicy(VisitPolicy policy) {
      throw new AssertionError("import-dex contributes no policy");
    }

    @Override public PluginRegistrar auditSink(AuditSink sink) {
      throw new AssertionError("import-dex contributes no sink");
    }

    @Override public PluginRegistrar readParser(ReadParser parser) {
      parsers.add(parser);
      return this;
    }

    @Override public PluginSettings settings() {
      return new PluginSettings() {
        @Override public String pluginId() {
          return "import-dex";
        }

        @Override public Optional<String> get(String key) {
          return Optional.ofNullable(settings.get(key));
        }

        @Override public String get(String key, String defaultValue) {
          return settings.getOrDefault(key, defaultValue);
        }

        @Override public int getInt(String key, int defaultValue) {
          throw new AssertionError("not read");
        }

        @Override public long getLong(String key, long defaultValue) {
          throw new AssertionError("not read");
        }

        @Override public boolean getBoolean(String key, boolean defaultValue) {
          throw new AssertionError("not read");
        }

        @Override public Duration getDuration(String key, Duration defaultValue) {
          throw new AssertionError("not read");
        }

        @Override public PluginSettingException invalid(String key, String problem) {
          return new PluginSettingException("import-dex." + key + "=" + settings.get(key)
              + ": " + problem);
        }
      };
    }
  }

  @Test
  void registers_the_dex_and_csv_parsers_reading_utc_by_default() {
    Registrar registrar = new Registrar(Map.of());

    new ImportDexPlugin().register(registrar);

    assertThat(registrar.parsers).extracting(ReadParser::id).containsExactly("dex", "csv");
    assertThat(registrar.parsers.get(0).parse(Samples.edge("edge-lf.eva_dts")).get(0).readAt())
        .isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
  }

  @Test
  void the_zone_setting_places_the_machines_local_times() {
    Registrar registrar = new Registrar(Map.of("zone", "Europe/Berlin"));

    new ImportDexPlugin().register(registrar);

    assertThat(registrar.parsers.get(0).parse(Samples.edge("edge-lf.eva_dts")).get(0).readAt())
        .isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    assertThat(registrar.parsers.get(1).parse(Samples.file("csv/local-times.csv")).get(0)
        .readAt()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
  }

  @Test
  void a_zone_that_is_none_fails_the_start_naming_the_setting() {
    Registrar registrar = new Registrar(Map.of("zone", "Mars/Olympus"));

    assertThatThrownBy(() -> new ImportDexPlugin().register(registrar))
        .isInstanceOf(PluginSettingException.class)
        .hasMessage("import-dex.zone=Mars/Olympus: must be a time zone such as Europe/Berlin "
            + "or +01:00");
    assertThat(registrar.parsers).isEmpty();
  }

  @Test
  void is_discovered_through_the_service_loader() {
    assertThat(ServiceLoader.load(EnginePlugin.class).stream()
            .map(ServiceLoader.Provider::type))
        .contains(ImportDexPlugin.class);
    assertThat(new ImportDexPlugin().id()).isEqualTo("import-dex");
  }
}
