package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Command to import machine-read files in one unit of work.
 *
 * @param files the files, at least one
 * @param format the id of the {@link dev.restock.api.spi.ReadParser} to parse them with; null
 *     means {@value #DEFAULT_FORMAT}
 * @param selectionMaps per device serial, selection code to slot position ({@code "12" -> "B2"}),
 *     for machines whose selection codes are neither positions ({@code A1}) nor row-and-column
 *     numbers ({@code 101}); null means none
 */
@Experimental(since = "0.2")
public record ImportReads(
    List<ReadFile> files, @Nullable String format,
    @Nullable Map<String, Map<String, String>> selectionMaps) {
  /** The format used when none is named. */
  public static final String DEFAULT_FORMAT = "dex";

  public ImportReads {
    files = files == null ? List.of() : List.copyOf(files);
    format = format == null ? DEFAULT_FORMAT : format;
    selectionMaps = selectionMaps == null ? Map.of() : Map.copyOf(selectionMaps);
  }
}
