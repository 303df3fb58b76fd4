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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
  void concurrentBatchesBecomeWholeParseableLinesNoneLost() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSinkPlugin sink = new JsonLinesAuditSinkPlugin(file);
    sink.open();
    int threads = 8;
    int each = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < each; i++) {
          sink.accept(event("product.update", thread * 1000 + i));
          if (i % 3 == 2) {
            sink.flush(); // a batch of three, as the engine flushes after each committed unit
          }
        }
        sink.flush();
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    sink.close();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(threads * each);
    ObjectMapper json = new ObjectMapper();
    Set<Long> revisions = new HashSet<>();
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      assertThat(node.get("action").asText()).isEqualTo("product.update");
      assertThat(node.get("details").get("reason").asText()).contains("\n");
      assertThat(node.get("correlationId").asText()).startsWith("req-");
      revisions.add(node.get("revision").asLong());
    }
    assertThat(revisions).as("every event written once").hasSize(threads * each);
  }

  @Test
  void theFileStaysOpenFromOpenToClose() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    Path moved = dir.resolve("rotated-away.jsonl");
    JsonLinesAuditSinkPlugin sink = new JsonLinesAuditSinkPlugin(file);
    sink.open();
    sink.accept(event("product.create", 1));
    sink.flush();
    // moving the file away under an open handle: the sink keeps writing to what it opened
    Files.move(file, moved);
    sink.accept(event("product.update", 2));
    sink.flush();
    sink.close();

    assertThat(file).doesNotExist();
    assertThat(Files.readAllLines(moved)).hasSize(2);
  }

  @Test
  void eventsAreWrittenThroughByFlushAndClose() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSinkPlugin sink = new JsonLinesAuditSinkPlugin(file);
    sink.open();
    sink.accept(event("product.create", 1));
    sink.flush();
    assertThat(Files.readAllLines(file)).hasSize(1);
    sink.accept(event("product.update", 2));
    sink.close();
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void nothingIsAcceptedOutsideOpenAndClose() {
    JsonLinesAuditSinkPlugin sink = new JsonLinesAuditSinkPlugin(dir.resolve("audit.jsonl"));
    assertThatThrownBy(() -> sink.accept(event("product.create", 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
    sink.open();
    sink.close();
    assertThatThrownBy(() -> sink.accept(event("product.create", 2)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
  }

  @Test
  void aFileThatCannotBeOpenedFailsLoudlyAtOpen() {
    JsonLinesAuditSinkPlugin sink =
        new JsonLinesAuditSinkPlugin(dir.resolve("missing-dir").resolve("audit.jsonl"));
    assertThatThrownBy(sink::open)
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing-dir");
  }
}
