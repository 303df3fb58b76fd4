package dev.restock.plugin.auditjsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.audit.AuditEvent;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditSinkPluginTest {
  @TempDir Path dir;

  private static AuditEvent event(String action, int i) {
    return new AuditEvent(i, Instant.parse("2026-11-27T10:00:00Z"), UUID.randomUUID(), action,
        "product", UUID.randomUUID(), Map.of("reason", "line \"" + i + "\"\nwith newline"),
        "10.0.0.1", null, "req-" + i);
  }

  @Test
  void concurrentEventsBecomeWholeParseableLines() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSinkPlugin sink = new JsonLinesAuditSinkPlugin(file);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          sink.accept(event("product.update", thread * 1000 + i));
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(400);
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      assertThat(node.get("action").asText()).isEqualTo("product.update");
      assertThat(node.get("details").get("reason").asText()).contains("\n");
      assertThat(node.get("correlationId").asText()).startsWith("req-");
    }
  }

  @Test
  void aFileThatCannotBeWrittenFailsLoudly() {
    JsonLinesAuditSinkPlugin sink =
        new JsonLinesAuditSinkPlugin(dir.resolve("missing-dir").resolve("audit.jsonl"));
    assertThatThrownBy(() -> sink.accept(event("product.create", 1)))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing-dir");
  }
}
