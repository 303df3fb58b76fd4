package dev.restock.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettingException;
import dev.restock.api.spi.PluginSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Plugin settings from the builder and an injected environment, one namespace per plugin. */
class PluginSettingsTest {
  private final FakeStore store = new FakeStore();

  /** A plugin that reads its settings with {@code read} while it registers. */
  static final class Reading<T> implements EnginePlugin {
    private final String id;
    private final Function<PluginSettings, T> read;
    final AtomicReference<T> seen = new AtomicReference<>();

    Reading(String id, Function<PluginSettings, T> read) {
      this.id = id;
      this.read = read;
    }

    @Override public String id() { return id; }

    @Override public void register(PluginRegistrar registrar) {
      seen.set(read.apply(registrar.settings()));
    }
  }

  private Object read(String pluginId, Function<PluginSettings, Object> read,
      Map<String, String> properties, Map<String, String> environment) {
    Reading<Object> plugin = new Reading<>(pluginId, read);
    try (Restock engine = RestockEngine.builder().store(store::open).plugin(plugin)
        .pluginProperties(properties).environment(environment).build()) {
      return plugin.seen.get();
    }
  }

  @Test
  void aPluginReadsTypedValuesGivenToTheBuilder() {
    Map<String, String> props = Map.of("acme.threshold", " 3 ", "acme.big", "9000000000",
        "acme.enabled", "TRUE", "acme.flush.every", "PT30S", "acme.name", "north");
    assertThat(read("acme", s -> s.getInt("threshold", 1), props, Map.of())).isEqualTo(3);
    assertThat(read("acme", s -> s.getLong("big", 1), props, Map.of())).isEqualTo(9_000_000_000L);
    assertThat(read("acme", s -> s.getBoolean("enabled", false), props, Map.of()))
        .isEqualTo(true);
    assertThat(read("acme", s -> s.getDuration("flush.every", Duration.ZERO), props, Map.of()))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(read("acme", s -> s.get("name"), props, Map.of()))
        .isEqualTo(Optional.of("north"));
    assertThat(read("acme", s -> s.getInt("missing", 7), props, Map.of())).isEqualTo(7);
    assertThat(read("acme", PluginSettings::pluginId, props, Map.of())).isEqualTo("acme");
  }

  @Test
  void aTenantPlaceholderFromTheEnvironmentIsRefusedWhenReadInASingleStoreEngine() {
    Map<String, String> env = Map.of("RESTOCK_ACME__FILE", "/var/log/{tenant}.jsonl");
    assertThatThrownBy(() -> read("acme", s -> s.get("file"), Map.of(), env))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("'file'").hasMessageContaining("RESTOCK_ACME__FILE")
        .hasMessageContaining("{tenant}").hasMessageContaining("serves one store");
    assertThat(store.opened).isZero();
  }

  @Test
  void theEnvironmentIsReadUnderThePluginsPrefixAndTheBuilderWinsOverIt() {
    Map<String, String> env = Map.of("RESTOCK_MY_PLUGIN__THRESHOLD", "5",
        "RESTOCK_MY_PLUGIN__FLUSH_EVERY", "PT1M");
    assertThat(read("my-plugin", s -> s.getInt("threshold", 1), Map.of(), env)).isEqualTo(5);
    assertThat(read("my-plugin", s -> s.getDuration("flush.every", Duration.ZERO), Map.of(), env))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(read("my-plugin", s -> s.getInt("threshold", 1),
        Map.of("my-plugin.threshold", "9"), env)).isEqualTo(9);
  }

  @Test
  void aPluginCannotReadAnotherPluginsNamespace() {
    Map<String, String> env = Map.of("RESTOCK_MY_PLUGIN__THRESHOLD", "5");
    Reading<Optional<String>> acme = new Reading<>("acme", s -> s.get("threshold"));
    Reading<Optional<String>> my = new Reading<>("my", s -> s.get("plugin.threshold"));
    Reading<Optional<String>> nosy = new Reading<>("acme", s -> s.get("acme.threshold"));
    try (Restock engine = RestockEngine.builder().store(store::open).plugin(acme, my)
        .pluginProperty("my-plugin.threshold", "4").pluginProperty("my.threshold", "2")
        .plugin(new Reading<>("my-plugin", s -> s.get("threshold")))
        .environment(env).build()) {
      assertThat(acme.seen.get()).isEmpty();
      // RESTOCK_MY__PLUGIN_THRESHOLD would be plugin my's; my-plugin's variable is not
      assertThat(my.seen.get()).isEmpty();
    }
    try (Restock engine = RestockEngine.builder().store(store::open).plugin(nosy)
        .pluginProperty("acme.acme.threshold", "1").environment(Map.of()).build()) {
      assertThat(nosy.seen.get()).contains("1");
    }
  }

  @Test
  void aValueOfTheWrongTypeFailsStartUpNamingPluginKeyValueAndSource() {
    assertThatThrownBy(() -> read("acme", s -> s.getInt("threshold", 1),
        Map.of("acme.threshold", "three"), Map.of()))
        .isInstanceOf(PluginSettingException.class)
        .hasMessage("plugin 'acme' setting 'threshold' = 'three' (from builder property"
            + " acme.threshold): is not a decimal integer of int range");
    assertThatThrownBy(() -> read("acme", s -> s.getBoolean("enabled", false), Map.of(),
        Map.of("RESTOCK_ACME__ENABLED", "yes")))
        .isInstanceOf(PluginSettingException.class)
        .hasMessageContaining("'yes' (from environment variable RESTOCK_ACME__ENABLED)")
        .hasMessageContaining("is not true or false");
    assertThatThrownBy(() -> read("acme", s -> s.getDuration("every", Duration.ZERO),
        Map.of("acme.every", "30s"), Map.of()))
        .isInstanceOf(PluginSettingException.class).hasMessageContaining("ISO-8601");
    assertThat(store.opened).isZero();
  }

  @Test
  void aPluginRefusesAValueOnItsOwnTermsWithTheSameDetail() {
    assertThatThrownBy(() -> read("acme", s -> {
      int percent = s.getInt("percent", 40);
      if (percent > 100) {
        throw s.invalid("percent", "must be 1..100");
      }
      return percent;
    }, Map.of("acme.percent", "140"), Map.of()))
        .isInstanceOf(PluginSettingException.class)
        .hasMessage("plugin 'acme' setting 'percent' = '140' (from builder property"
            + " acme.percent): must be 1..100");
  }

  @Test
  void propertiesForNoRegisteredPluginFailStartUpNamingThemAndTheKnownPlugins() {
    assertThatThrownBy(() -> RestockEngine.builder().store(store::open)
        .plugin(new Reading<>("acme", s -> null))
        .pluginProperty("acne.threshold", "3").pluginProperty("zeta.x", "1").build())
        .isInstanceOf(PluginSettingException.class)
        .hasMessage("plugin properties for no registered plugin: 'acne.threshold', 'zeta.x';"
            + " registered plugins: acme");
    assertThat(store.opened).isZero();
  }

  @Test
  void badPropertyNamesAreRefusedByTheBuilderAllAtOnce() {
    assertThatThrownBy(() -> RestockEngine.builder().pluginProperty("threshold", "3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plugin property 'threshold' is not <plugin-id>.<key>");
    assertThatThrownBy(() -> RestockEngine.builder().pluginProperties(
        Map.of("Acme.threshold", "3", "acme.Threshold", "3", "acme.ok", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Acme.threshold'").hasMessageContaining("'acme.Threshold'")
        .message().doesNotContain("acme.ok");
  }

  @Test
  void aKeyOutsideTheFormatIsAProgrammingErrorOfThePlugin() {
    assertThatThrownBy(() -> read("acme", s -> s.get("Threshold"), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plugin 'acme' asked for setting 'Threshold'");
  }

  @Test
  void aRefusedSettingReachesTheHostAsItsOwnErrorWithoutTheWiringLoggingAStackTrace() {
    // Guice reports an exception thrown while a module configures at INFO, stack trace and all,
    // through java.util.logging: a host (the restock tool) printed it above its one-line error
    List<LogRecord> logged = new ArrayList<>();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord r) {
        logged.add(r);
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    Logger guice = Logger.getLogger("com.google.inject");
    guice.addHandler(handler);
    try {
      assertThatThrownBy(() -> read("acme", s -> s.getInt("threshold", 1),
          Map.of("acme.threshold", "three"), Map.of()))
          .isExactlyInstanceOf(PluginSettingException.class);
    } finally {
      guice.removeHandler(handler);
    }
    assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
    assertThat(store.opened).isZero();
  }
}
