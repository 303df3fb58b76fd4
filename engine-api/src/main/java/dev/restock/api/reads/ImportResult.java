package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.util.List;

/**
 * What an import did, file by file.
 *
 * @param files one outcome per file of the command, in its order
 */
@Experimental(since = "0.2")
public record ImportResult(List<FileOutcome> files) {
  public ImportResult {
    files = List.copyOf(files);
  }

  /**
   * One file's outcome.
   *
   * @param name the file's name
   * @param alreadyImported true when the same content was imported before: nothing was written
   * @param reads the reads stored from it (empty when already imported)
   * @param salesRecorded sale records written from it
   */
  public record FileOutcome(String name, boolean alreadyImported, List<StoredRead> reads,
      int salesRecorded) {
    public FileOutcome {
      reads = List.copyOf(reads);
    }
  }
}
