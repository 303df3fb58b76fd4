package dev.restock.plugin.auditjsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Appends every committed domain audit event to a file, one JSON object per line (plugin and
 * sink id {@code audit-jsonl}), with the revision the event was committed under. Register it
 * explicitly:
 * {@code RestockEngine.builder().plugin(new JsonLinesAuditSinkPlugin(Path.of("audit.jsonl")))}.
 *
 * <p>Built without a file, it reads the file from its setting {@code file} when registered; a
 * multi-tenant engine registers a new instance for each tenant, and {@code {tenant}} in the
 * setting gives each tenant a file of its own:
 *
 * <pre>{@code
 * RestockEngine.builder().tenants(directory)
 *     .pluginFactory(JsonLinesAuditSinkPlugin::new)
 *     .pluginProperty("audit-jsonl.file", "/var/log/restock/{tenant}.jsonl")
 * }</pre>
 *
 * <p>The file is opened (created if missing, appended to otherwise) when the engine is built and
 * stays open until the engine closes; lines are buffered and written through after each
 * committed unit of work ({@link #flush()}) and at {@link #close()}. Lines are written whole
 * under a lock, so concurrent units of work never interleave inside a line. Moving the file away
 * while the engine runs does not make the sink start a new one: rotate by restarting the engine.
 *
 * <p>A file that cannot be opened (a missing directory) fails the engine's build. A write failure
 * later (a full disk) is thrown to the engine, which counts and logs it; the audited change stays
 * committed and the event stays in the store's audit log.
 */
public final class JsonLinesAuditSinkPlugin implements EnginePlugin, AuditSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path file; // null until register when built without a file
  private final Object lock = new Object();
  private Writer out; // guarded by lock; null before open and after close

  /** A sink appending to {@code file}, which is opened when the engine is built. */
  public JsonLinesAuditSinkPlugin(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * A sink appending to the file named by its setting {@code file} (property {@code
   * audit-jsonl.file} or variable {@code RESTOCK_AUDIT_JSONL__FILE}), read when it is registered.
   *
   * @since 0.3
   */
  @dev.restock.api.stability.Experimental(since = "0.3")
  public JsonLinesAuditSinkPlugin() {
    this.file = null;
  }

  @Override
  public String id() {
    return "audit-jsonl";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    if (file == null) {
      String named = registrar.settings().get("file").orElseThrow(() -> registrar.settings()
          .invalid("file", "is required when the plugin is built without a file"));
      try {
        file = Path.of(named);
      } catch (java.nio.file.InvalidPathException e) {
        throw registrar.settings().invalid("file", "is not a path (" + e.getMessage() + ")");
      }
    }
    registrar.auditSink(this);
  }

  /**
   * Opens the file for appending, creating it if missing.
   *
   * @throws UncheckedIOException naming the file when it cannot be opened
   * @throws IllegalStateException when already open
   */
  @Override
  public void open() {
    synchronized (lock) {
      if (out != null) {
        throw new IllegalStateException("audit-jsonl is already open on " + file);
      }
      try {
        out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the audit file " + file, e);
      }
    }
  }

  /**
   * Buffers the event as one line.
   *
   * @throws IllegalStateException when the sink is not open
   * @throws UncheckedIOException when the line cannot be written
   */
  @Override
  public void accept(AuditEvent event) {
    String line = line(event);
    synchronized (lock) {
      try {
        requireOpen().write(line);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append audit event to " + file, e);
      }
    }
  }

  /**
   * Writes the buffered lines to the file.
   *
   * @throws UncheckedIOException when they cannot be written
   */
  @Override
  public void flush() {
    synchronized (lock) {
      if (out == null) {
        return;
      }
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write audit events to " + file, e);
      }
    }
  }

  /**
   * Writes the buffered lines and closes the file; later events are refused.
   *
   * @throws UncheckedIOException when the file cannot be written or closed
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (out == null) {
        return;
      }
      Writer closing = out;
      out = null;
      try {
        closing.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the audit file " + file, e);
      }
    }
  }

  private Writer requireOpen() {
    if (out == null) {
      throw new IllegalStateException("audit-jsonl is not open: the engine opens it when it is "
          + "built and closes it when it closes (" + file + ")");
    }
    return out;
  }

  private static String line(AuditEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", event.at().toString());
    line.put("revision", event.revision());
    line.put("actorId", event.actorId().toString());
    line.put("action", event.action());
    line.put("resourceType", event.resourceType());
    line.put("resourceId", event.resourceId() == null ? null : event.resourceId().toString());
    line.put("details", new TreeMap<>(event.details()));
    line.put("clientAddress", event.clientAddress());
    line.put("userAgent", event.userAgent());
    line.put("correlationId", event.correlationId());
    try {
      return JSON.writeValueAsString(line) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render audit event " + event.action(), e);
    }
  }
}
