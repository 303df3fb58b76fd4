package dev.restock.plugin.importdex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
          // as the engine's PluginSettings: true or false in any case, anything else refused
          String value = settings.get(key);
          if (value == null) {
            return defaultValue;
          }
          if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.strip());
          }
          throw new PluginSettingException("import-dex." + key + "=" + value
              + ": must be true or false");
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
  void requires_the_trailer_by_default_and_require_trailer_false_accepts_sielaff() {
    Registrar strict = new Registrar(Map.of());
    new ImportDexPlugin().register(strict);
    assertThatThrownBy(() -> strict.parsers.get(0).parse(Samples.shared("sielaff.eva_dts")))
        .isInstanceOf(ValidationException.class);

    Registrar explicit = new Registrar(Map.of("require-trailer", "TRUE"));
    new ImportDexPlugin().register(explicit);
    assertThatThrownBy(() -> explicit.parsers.get(0).parse(Samples.shared("sielaff.eva_dts")))
        .isInstanceOf(ValidationException.class);

    Registrar lenient = new Registrar(Map.of("require-trailer", "false"));
    new ImportDexPlugin().register(lenient);
    assertThat(lenient.parsers.get(0).parse(Samples.shared("sielaff.eva_dts")))
        .singleElement().satisfies(r -> assertThat(r.selections()).isEmpty());
    assertThatThrownBy(() -> lenient.parsers.get(0).parse(Samples.shared("animo2.eva_dts")))
        .isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "0", "no", "1"})
  void a_require_trailer_that_is_not_true_or_false_fails_the_start(String value) {
    Registrar registrar = new Registrar(Map.of("require-trailer", value));

    assertThatThrownBy(() -> new ImportDexPlugin().register(registrar))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("import-dex.require-trailer=" + value);
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
