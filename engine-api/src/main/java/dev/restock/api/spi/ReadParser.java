package dev.restock.api.spi;

import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.stability.Experimental;
import java.util.List;

/**
 * Turns a machine-read file (a DEX/EVA-DTS audit, a telemetry export) into {@link MachineRead}s.
 * Registered with {@link PluginRegistrar#readParser}; chosen by {@link #id()} in {@link
 * dev.restock.api.reads.ImportReads#format()}. Stateless and thread-safe; it never writes.
 */
@Experimental(since = "0.2")
public interface ReadParser {

  /** The format id, e.g. {@code dex}; lower-case words joined by hyphens. */
  String id();

  /**
   * The reads in one file, in file order.
   *
   * @throws dev.restock.api.error.ValidationException naming, for every problem found, the file
   *     and line ({@code "animo.eva_dts:12"} as the violation's field) and what is wrong: a
   *     truncated or corrupted file, a record that cannot be read, a missing machine serial
   */
  List<MachineRead> parse(ReadFile file);
}
