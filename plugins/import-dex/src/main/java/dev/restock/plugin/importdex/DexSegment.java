package dev.restock.plugin.importdex;

import java.util.List;

/**
 * One segment of a DEX file: its tag ({@code PA1}), its elements by position (element 1 is
 * {@code PA101}), where it starts, and its text as the file has it (for the G85 checksum).
 */
record DexSegment(int line, String tag, List<String> elements, String raw) {

  /** Element {@code n} (1-based, as EVA-DTS numbers them: {@code PA102} is 2), untrimmed; "" if absent. */
  String element(int n) {
    return n < elements.size() ? elements.get(n) : "";
  }

  /** The name EVA-DTS gives element {@code n}, e.g. {@code PA102} or {@code CA1501}. */
  String name(int n) {
    return tag + (n < 10 ? "0" : "") + n;
  }
}
