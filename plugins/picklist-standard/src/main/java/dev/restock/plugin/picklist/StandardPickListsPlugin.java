package dev.restock.plugin.picklist;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettingException;
import dev.restock.api.spi.PluginSettings;
import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * Registers {@code fill-to-capacity}, {@code days-of-cover} and the {@code threshold} visit
 * policy. Discoverable through {@link java.util.ServiceLoader}, or registered explicitly.
 *
 * <p>Built with {@link #StandardPickListsPlugin()}, it reads these settings (plugin id {@code
 * picklist-standard}; e.g. builder property {@code picklist-standard.threshold.sold-out-slots=3}
 * or environment variable {@code RESTOCK_PICKLIST_STANDARD__THRESHOLD_SOLD_OUT_SLOTS=3}):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>range</th><th>meaning</th></tr>
 *   <tr><td>{@value #WINDOW_DAYS}</td><td>28</td><td>1..365</td>
 *       <td>days of sales the {@code days-of-cover} rate is computed over</td></tr>
 *   <tr><td>{@value #SAFETY_DAYS}</td><td>2</td><td>0..60</td>
 *       <td>days of cover {@code days-of-cover} adds to the visit interval</td></tr>
 *   <tr><td>{@value #DEPLETION_PERCENT}</td><td>40</td><td>1..100</td>
 *       <td>the {@code threshold} policy visits a cabinet this depleted against par</td></tr>
 *   <tr><td>{@value #SOLD_OUT_SLOTS}</td><td>2</td><td>at least 1</td>
 *       <td>or with at least this many sold-out slots</td></tr>
 * </table>
 *
 * <p>A value out of range, or not a whole number, fails the engine's start with a {@link
 * PluginSettingException} naming the key. Built with explicit parts ({@link
 * #StandardPickListsPlugin(DaysOfCover, ThresholdPolicy)}), it uses those and refuses these
 * settings rather than ignore them.
 */
public final class StandardPickListsPlugin implements EnginePlugin {
  /** Setting: days of sales history behind {@code days-of-cover}'s rate, 1..365. */
  @Experimental(since = "0.2")
  public static final String WINDOW_DAYS = "days-of-cover.window-days";
  /** Setting: days of cover beyond the visit interval for {@code days-of-cover}, 0..60. */
  @Experimental(since = "0.2")
  public static final String SAFETY_DAYS = "days-of-cover.safety-days";
  /** Setting: the {@code threshold} policy's depletion against par, in percent, 1..100. */
  @Experimental(since = "0.2")
  public static final String DEPLETION_PERCENT = "threshold.depletion-percent";
  /** Setting: the {@code threshold} policy's number of sold-out slots, at least 1. */
  @Experimental(since = "0.2")
  public static final String SOLD_OUT_SLOTS = "threshold.sold-out-slots";

  private static final List<String> KEYS =
      List.of(WINDOW_DAYS, SAFETY_DAYS, DEPLETION_PERCENT, SOLD_OUT_SLOTS);

  private final DaysOfCover daysOfCover;
  private final ThresholdPolicy threshold;

  /** Parts configured by the settings above, each defaulting as listed. */
  public StandardPickListsPlugin() {
    this.daysOfCover = null;
    this.threshold = null;
  }

  /**
   * Explicit parts, configured in code; the settings above are then refused.
   *
   * @param daysOfCover the {@code days-of-cover} strategy to register
   * @param threshold the {@code threshold} policy to register
   */
  public StandardPickListsPlugin(DaysOfCover daysOfCover, ThresholdPolicy threshold) {
    this.daysOfCover = Objects.requireNonNull(daysOfCover, "daysOfCover");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
  }

  @Override
  public String id() {
    return "picklist-standard";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    PluginSettings settings = registrar.settings();
    DaysOfCover cover = daysOfCover;
    ThresholdPolicy policy = threshold;
    if (cover == null) {
      cover = new DaysOfCover(
          inRange(settings, WINDOW_DAYS, DaysOfCover.DEFAULT_WINDOW_DAYS, 1, 365),
          inRange(settings, SAFETY_DAYS, DaysOfCover.DEFAULT_SAFETY_DAYS, 0, 60));
      policy = new ThresholdPolicy(
          inRange(settings, DEPLETION_PERCENT, ThresholdPolicy.DEFAULT_DEPLETION_PERCENT, 1, 100),
          inRange(settings, SOLD_OUT_SLOTS, ThresholdPolicy.DEFAULT_SOLD_OUT_SLOTS, 1,
              Integer.MAX_VALUE));
    } else {
      for (String key : KEYS) {
        if (settings.get(key).isPresent()) {
          throw settings.invalid(key, "is set, but this plugin was built with explicit "
              + "DaysOfCover and ThresholdPolicy instances, which it uses instead");
        }
      }
    }
    registrar.pickListStrategy(new FillToCapacity()).pickListStrategy(cover)
        .visitPolicy(policy);
  }

  private static int inRange(PluginSettings settings, String key, int defaultValue, int min,
      int max) {
    int value = settings.getInt(key, defaultValue);
    if (value < min || value > max) {
      throw settings.invalid(key, max == Integer.MAX_VALUE ? "must be at least " + min
          : "must be " + min + ".." + max);
    }
    return value;
  }
}
