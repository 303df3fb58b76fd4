package dev.restock.plugin.picklist;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;

/**
 * Registers {@code fill-to-capacity}, {@code days-of-cover} and the {@code threshold} visit
 * policy. Discoverable through {@link java.util.ServiceLoader} with default settings, or
 * registered explicitly with settings of the host's choosing.
 */
public final class StandardPickListsPlugin implements EnginePlugin {
  private final DaysOfCover daysOfCover;
  private final ThresholdPolicy threshold;

  /** Default settings: 28-day sales window, 2 safety days; 40% depletion or 2 sold-out slots. */
  public StandardPickListsPlugin() {
    this(new DaysOfCover(), new ThresholdPolicy());
  }

  public StandardPickListsPlugin(DaysOfCover daysOfCover, ThresholdPolicy threshold) {
    this.daysOfCover = daysOfCover;
    this.threshold = threshold;
  }

  @Override
  public String id() {
    return "picklist-standard";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.pickListStrategy(new FillToCapacity()).pickListStrategy(daysOfCover)
        .visitPolicy(threshold);
  }
}
