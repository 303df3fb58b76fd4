package dev.restock.plugin.auditjsonl;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * sink id {@code audit-jsonl}). Lines are written whole under a lock, so concurrent units of work
 * never interleave. Register it explicitly:
 * {@code RestockEngine.builder().plugin(new JsonLinesAuditSinkPlugin(Path.of("audit.jsonl")))}.
 *
 * <p>A write failure (full disk, missing directory) is thrown to the engine, which counts and
 * logs it; the audited change stays committed and the event stays in the store's audit log.
 */
public final class JsonLinesAuditSinkPlugin implements EnginePlugin, AuditSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Object lock = new Object();

  public JsonLinesAuditSinkPlugin(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public String id() {
    return "audit-jsonl";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.auditSink(this);
  }

  @Override
  public void accept(AuditEvent event) {
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
      byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
      synchronized (lock) {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append audit event to " + file, e);
    }
  }
}
