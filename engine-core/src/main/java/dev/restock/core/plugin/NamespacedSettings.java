package dev.restock.core.plugin;

import dev.restock.api.spi.PluginSettingException;
import dev.restock.api.spi.PluginSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One plugin's settings, read through {@link Settings}; keys never leave the namespace. */
public final class NamespacedSettings implements PluginSettings {
  private final String pluginId;
  private final Settings settings;

  NamespacedSettings(String pluginId, Settings settings) {
    this.pluginId = pluginId;
    this.settings = settings;
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  private Settings.@Nullable Found find(String key) {
    return expand(key, raw(key));
  }

  private Settings.@Nullable Found raw(String key) {
    Objects.requireNonNull(key, "key");
    if (!Settings.KEY_FORMAT.matcher(key).matches()) {
      throw new IllegalArgumentException("plugin '" + pluginId + "' asked for setting '" + key
          + "', which is not lower-case words joined by '-' or '.' ("
          + Settings.KEY_FORMAT.pattern() + ")");
    }
    return settings.find(pluginId, key);
  }

  /** The value with {@value Settings#TENANT} replaced by the tenant id; refused without one. */
  private Settings.@Nullable Found expand(String key, Settings.@Nullable Found found) {
    if (found == null || !found.value().contains(Settings.TENANT)) {
      return found;
    }
    String tenant = settings.tenant();
    if (tenant == null) {
      throw describe(key, found, "contains " + Settings.TENANT + ", which only the engine of a "
          + "tenant (RestockEngine.builder().tenants(..)) replaces; this engine serves one store");
    }
    return new Settings.Found(found.value().replace(Settings.TENANT, tenant),
        found.source() + ", " + Settings.TENANT + " = " + tenant);
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(find(key)).map(f -> f.value().strip());
  }

  @Override
  public String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  @Override
  public int getInt(String key, int defaultValue) {
    return typed(key, defaultValue, "a decimal integer of int range", Integer::parseInt);
  }

  @Override
  public long getLong(String key, long defaultValue) {
    return typed(key, defaultValue, "a decimal integer of long range", Long::parseLong);
  }

  @Override
  public boolean getBoolean(String key, boolean defaultValue) {
    return typed(key, defaultValue, "true or false", v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(v);
    });
  }

  @Override
  public Duration getDuration(String key, Duration defaultValue) {
    return typed(key, defaultValue, "an ISO-8601 duration such as PT30S or P2D", Duration::parse);
  }

  @Override
  public PluginSettingException invalid(String key, String problem) {
    Settings.Found found = raw(key);
    return describe(key, settings.tenant() == null ? found : expand(key, found), problem);
  }

  private PluginSettingException describe(String key, Settings.@Nullable Found found,
      String problem) {
    return new PluginSettingException("plugin '" + pluginId + "' setting '" + key + "'"
        + (found == null ? " (not set)" : " = '" + found.value() + "' (from " + found.source()
            + ")") + ": " + problem);
  }

  private <T> T typed(String key, T defaultValue, String expected, Function<String, T> parse) {
    Settings.Found found = find(key);
    if (found == null) {
      return defaultValue;
    }
    try {
      return parse.apply(found.value().strip());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid(key, "is not " + expected);
    }
  }
}
