package dev.restock.api.spi;

import dev.restock.api.error.RestockException;
import dev.restock.api.stability.Experimental;

/**
 * A plugin setting the engine or the plugin cannot use: a value of the wrong type, a value the
 * plugin refuses, or a builder property for a plugin that is not registered. Thrown by the engine
 * builder's {@code build()}, before the store opens; the message names each setting, its value
 * and where it came from.
 */
@Experimental(since = "0.2")
public class PluginSettingException extends RestockException {
  private static final long serialVersionUID = 1L;

  /** @param message names the setting, its value, its source and what is wrong */
  public PluginSettingException(String message) {
    super(message);
  }
}
