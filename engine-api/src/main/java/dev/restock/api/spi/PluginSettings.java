package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import java.time.Duration;
import java.util.Optional;

/**
 * A read-only view of one plugin's settings, handed out by {@link PluginRegistrar#settings()}
 * during {@link EnginePlugin#register}. It sees only the plugin's own namespace: a plugin with id
 * {@code my-plugin} reading key {@code threshold} gets, first match wins,
 *
 * <ol>
 *   <li>the property {@code my-plugin.threshold} given to the engine builder, else
 *   <li>the environment variable {@code RESTOCK_MY_PLUGIN__THRESHOLD}: {@code RESTOCK_}, the
 *       plugin id, two underscores, the key; upper case, with {@code -} and {@code .} written as
 *       {@code _}. The double underscore keeps plugin {@code my} from reading plugin {@code
 *       my-plugin}'s variables.
 * </ol>
 *
 * <p>Keys are lower-case words of {@code a-z} and {@code 0-9} joined by {@code -} or {@code .},
 * e.g. {@code depletion-percent} or {@code file.path}. A key outside that format is a programming
 * error ({@link IllegalArgumentException}). A value that cannot be read as the type asked for
 * fails with a {@link PluginSettingException} naming the plugin, the key, the value and where it
 * came from; thrown from {@code register}, it fails the engine's start-up.
 *
 * <p>In the engine of a tenant (a multi-tenant engine built with {@code tenants(directory)}),
 * every {@code {tenant}} in a value reads as that tenant's id, e.g. {@code
 * audit-jsonl.file=/var/log/restock/{tenant}.jsonl} reads as {@code /var/log/restock/acme.jsonl}
 * in the engine of tenant {@code acme}; a single-store engine has no tenant and refuses such a
 * value with a {@link PluginSettingException} (since 0.3).
 *
 * <p>Values are read when asked for, on the building thread; do not keep the view after {@code
 * register} returns.
 */
@Experimental(since = "0.2")
public interface PluginSettings {

  /** The plugin id whose namespace this is. */
  String pluginId();

  /** The value of {@code key}, stripped of surrounding blanks, or empty when it is not set. */
  Optional<String> get(String key);

  /** The value of {@code key}, or {@code defaultValue} when it is not set. */
  String get(String key, String defaultValue);

  /**
   * The value of {@code key} as a decimal {@code int}, or {@code defaultValue} when not set.
   *
   * @throws PluginSettingException when the value is not a decimal integer in {@code int} range
   */
  int getInt(String key, int defaultValue);

  /**
   * The value of {@code key} as a decimal {@code long}, or {@code defaultValue} when not set.
   *
   * @throws PluginSettingException when the value is not a decimal integer in {@code long} range
   */
  long getLong(String key, long defaultValue);

  /**
   * The value of {@code key}, {@code true} or {@code false} in any case, or {@code defaultValue}
   * when not set.
   *
   * @throws PluginSettingException for any other value (such as {@code yes} or {@code 1})
   */
  boolean getBoolean(String key, boolean defaultValue);

  /**
   * The value of {@code key} as an ISO-8601 duration such as {@code PT30S} or {@code P2D}, or
   * {@code defaultValue} when not set.
   *
   * @throws PluginSettingException when the value is not such a duration
   */
  Duration getDuration(String key, Duration defaultValue);

  /**
   * An exception for a value the plugin refuses on its own terms (out of range, an unknown name),
   * naming the key, its value and where the value came from; the plugin throws it.
   *
   * @param problem what is wrong, e.g. {@code must be 1..100}
   */
  PluginSettingException invalid(String key, String problem);
}
