package dev.restock.plugin.auditjsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.spi.AuditSink;
import dev.restock.plugin.tck.AuditSinkContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The TCK's sink contract on the JSON lines sink, read back from its file. */
class JsonLinesAuditSinkContractTest extends AuditSinkContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private Path file;

  @Override
  protected AuditSink createSink() {
    file = dir.resolve("audit-" + UUID.randomUUID() + ".jsonl");
    return new JsonLinesAuditSinkPlugin(file);
  }

  @Override
  protected List<Received> received() {
    List<Received> out = new ArrayList<>();
    try {
      if (!Files.exists(file)) {
        return out;
      }
      for (String line : Files.readAllLines(file)) {
        JsonNode node = JSON.readTree(line);
        JsonNode resource = node.get("resourceId");
        out.add(new Received(node.get("revision").asLong(), node.get("action").asText(),
            resource.isNull() ? null : UUID.fromString(resource.asText())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
