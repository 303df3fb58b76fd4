package dev.restock.core.audit.trust;

import dev.restock.api.audit.Checkpoint;
import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.AnchorSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Appends every checkpoint as one line of JSON to a file, forced to disk before
 * {@link #publish} returns. The file belongs somewhere the database's writers cannot reach:
 * this sink refuses a path inside the database's own directory, since whoever can replace the
 * database there could replace the anchors with it.
 */
public final class JsonLinesAnchorSink implements AnchorSink {
  private final Path file;
  private Set<String> written;

  /** A sink appending to {@code file}, wherever it is. */
  public JsonLinesAnchorSink(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
  }

  /**
   * A sink appending to {@code file}, which must lie outside {@code databaseDirectory}.
   *
   * @throws ValidationException naming {@code anchors} when it lies inside
   */
  public JsonLinesAnchorSink(Path file, Path databaseDirectory) {
    this(file);
    Path dir = real(databaseDirectory.toAbsolutePath().normalize());
    Path target = real(this.file.getParent()).resolve(this.file.getFileName());
    if (target.startsWith(dir)) {
      throw ValidationException.of("anchors", file + " is inside the database's directory "
          + dir + ": whoever can replace the database could replace its anchors too; keep them "
          + "on another volume or host");
    }
  }

  private static Path real(Path p) {
    // resolve symbolic links where the path exists, so a link cannot smuggle the file inside
    try {
      return Files.exists(p) ? p.toRealPath() : p;
    } catch (IOException e) {
      return p;
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public String id() {
    return "jsonl-file";
  }

  @Override
  public synchronized void publish(Checkpoint checkpoint) throws IOException {
    String line = AuditJson.checkpointLine(checkpoint);
    if (written == null) {
      // idempotent: a checkpoint sent again after a failure is not written twice
      written = new HashSet<>();
      if (Files.exists(file)) {
        written.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    if (written.contains(line)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    written.add(line);
  }

  @Override
  public String toString() {
    return "jsonl-file:" + file;
  }
}
