package dev.restock.api.reads;

import dev.restock.api.stability.Experimental;
import java.util.Objects;

/**
 * A file of machine reads to import: its name (for messages) and its bytes, exactly as read. The
 * content's SHA-256 identifies it: importing the same bytes again is a no-op.
 */
@Experimental(since = "0.2")
public record ReadFile(String name, byte[] content) {
  public ReadFile {
    Objects.requireNonNull(name, "name");
    content = Objects.requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadFile f && f.name.equals(name) && java.util.Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + java.util.Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "ReadFile[" + name + ", " + content.length + " bytes]";
  }
}
