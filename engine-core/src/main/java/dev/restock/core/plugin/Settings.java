package dev.restock.core.plugin;

import dev.restock.api.spi.PluginSettingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plugin settings as the host gave them: builder properties named {@code <plugin-id>.<key>} and
 * an environment (the process's, or one a test injects). Hands each plugin a view of its own
 * namespace only.
 */
public final class Settings {
  /** Setting keys: lower-case words joined by '-' or '.'. */
  static final Pattern KEY_FORMAT = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

  /** Written in a value, stands for the tenant whose engine reads it. */
  public static final String TENANT = "{tenant}";

  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final @Nullable String tenant;

  /**
   * Settings of a single-store engine: a value containing {@value #TENANT} is refused when read.
   *
   * @param properties builder properties, keys already checked by {@link #checkPropertyName}
   * @param environment variables by name, e.g. {@code System.getenv()}
   */
  public Settings(Map<String, String> properties, Map<String, String> environment) {
    this(properties, environment, null);
  }

  /**
   * Settings of one tenant's engine when {@code tenant} is not null: every {@value #TENANT} in a
   * value reads as the tenant's id.
   */
  public Settings(Map<String, String> properties, Map<String, String> environment,
      @Nullable String tenant) {
    this.properties = Map.copyOf(properties);
    this.environment = Map.copyOf(environment);
    this.tenant = tenant;
  }

  /** The tenant whose engine these settings serve, or null in a single-store engine. */
  @Nullable String tenant() {
    return tenant;
  }

  /**
   * @throws IllegalArgumentException unless {@code name} is a plugin id, a dot and a key
   */
  public static void checkPropertyName(String name) {
    Objects.requireNonNull(name, "property name");
    int dot = name.indexOf('.');
    if (dot < 0 || !Contributions.ID_FORMAT.matcher(name.substring(0, dot)).matches()
        || !KEY_FORMAT.matcher(name.substring(dot + 1)).matches()) {
      throw new IllegalArgumentException("plugin property '" + name + "' is not <plugin-id>.<key>"
          + " (plugin id " + Contributions.ID_FORMAT.pattern() + ", key "
          + KEY_FORMAT.pattern() + "), e.g. my-plugin.threshold");
    }
  }

  /**
   * @throws PluginSettingException naming every builder property whose namespace is none of
   *     {@code pluginIds}, with the ids known
   */
  public void checkNamespaces(Collection<String> pluginIds) {
    List<String> unknown = new ArrayList<>();
    new TreeMap<>(properties).keySet().forEach(name -> {
      if (!pluginIds.contains(name.substring(0, name.indexOf('.')))) {
        unknown.add("'" + name + "'");
      }
    });
    if (!unknown.isEmpty()) {
      throw new PluginSettingException("plugin properties for no registered plugin: "
          + String.join(", ", unknown) + "; registered plugins: "
          + (pluginIds.isEmpty() ? "none" : String.join(", ", new TreeSet<>(pluginIds))));
    }
  }

  /**
   * @throws PluginSettingException naming every builder property whose value contains
   *     {@value #TENANT}: refused in a single-store engine, which has no tenant
   */
  public void refuseTenantPlaceholders() {
    List<String> named = new ArrayList<>();
    new TreeMap<>(properties).forEach((name, value) -> {
      if (value.contains(TENANT)) {
        named.add("'" + name + "' = '" + value + "'");
      }
    });
    if (!named.isEmpty()) {
      throw new PluginSettingException("plugin properties containing " + TENANT + ", which only "
          + "the engine of a tenant (RestockEngine.builder().tenants(..)) replaces; this engine "
          + "serves one store: " + String.join(", ", named));
    }
  }

  /** The read-only view of {@code pluginId}'s namespace. */
  public NamespacedSettings forPlugin(String pluginId) {
    return new NamespacedSettings(pluginId, this);
  }

  /** The environment variable a plugin's key is read from, e.g. RESTOCK_MY_PLUGIN__THRESHOLD. */
  static String environmentName(String pluginId, String key) {
    return "RESTOCK_" + upper(pluginId) + "__" + upper(key);
  }

  private static String upper(String s) {
    return s.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** A value with where it came from, or null. */
  Found find(String pluginId, String key) {
    String property = pluginId + "." + key;
    String value = properties.get(property);
    if (value != null) {
      return new Found(value, "builder property " + property);
    }
    String variable = environmentName(pluginId, key);
    value = environment.get(variable);
    return value == null ? null : new Found(value, "environment variable " + variable);
  }

  record Found(String value, String source) {}
}
