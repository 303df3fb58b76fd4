package dev.restock.plugin.importdex;

import dev.restock.api.reads.ReadFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test files from the classpath, under their own names (as the messages name them). */
final class Samples {
  private Samples() {}

  static ReadFile file(String path) {
    try (InputStream in = Samples.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new ReadFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReadFile shared(String name) {
    return file("dex/php-evadts-parser/" + name);
  }

  static ReadFile edge(String name) {
    return file("dex/edge/" + name);
  }
}
