package dev.restock.core.plugin;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the engine and each plugin contributed, with where each contribution came from, so that
 * start-up can refuse every bad or clashing id in one error that names the plugins involved.
 * Filled while the engine's modules are configured (on the building thread), read once after.
 */
public final class Contributions {
  /** The id format of plugins, strategies and policies: lower-case words joined by '-'. */
  public static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The source named for contributions the engine makes itself. */
  public static final String BUILT_IN = "built into the engine";

  private record Entry(String kind, Object instance, String id, String source, boolean formatted) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Map<Object, String> sources = new IdentityHashMap<>();

  /**
   * Records a contribution.
   *
   * @param kind human name, e.g. {@code pick-list strategy}
   * @param source who contributed it, e.g. {@code plugin 'acme' (explicit plugin #1 (com.x.A))}
   * @param formatted whether its id must follow {@link #ID_FORMAT}
   */
  public synchronized void add(String kind, Object instance, String id, String source,
      boolean formatted) {
    entries.add(new Entry(kind, instance, id, source, formatted));
    sources.putIfAbsent(instance, source);
  }

  /** Who contributed {@code instance}, for messages; its class when it was not recorded. */
  public synchronized String describe(Object instance) {
    String source = sources.get(instance);
    return instance.getClass().getName() + (source == null ? "" : " " + source);
  }

  /**
   * @throws IllegalStateException naming every id that is null, outside the format or used twice
   *     within a kind, with each contribution's class and source
   */
  public synchronized void check() {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, List<Entry>>> byKind = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.id() == null) {
        problems.add("the " + e.kind() + " " + e.instance().getClass().getName() + " "
            + e.source() + " has a null id");
        continue;
      }
      if (e.formatted() && !ID_FORMAT.matcher(e.id()).matches()) {
        problems.add(invalidId(e.kind(), e.id(), e.instance().getClass().getName() + " "
            + e.source()));
      }
      byKind.computeIfAbsent(e.kind(), k -> new LinkedHashMap<>())
          .computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
    }
    byKind.forEach((kind, ids) -> ids.forEach((id, same) -> {
      if (same.size() > 1) {
        problems.add("the " + kind + " id '" + id + "' is registered twice: " + String.join(
            " and ", same.stream().map(e -> e.instance().getClass().getName() + " " + e.source())
                .toList()));
      }
    }));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
  }

  /** The message for an id outside {@link #ID_FORMAT}. */
  public static String invalidId(String kind, String id, String owner) {
    return "the " + kind + " id '" + id + "' of " + owner + " is not lower-case words joined by"
        + " '-' (" + ID_FORMAT.pattern() + ")";
  }
}
