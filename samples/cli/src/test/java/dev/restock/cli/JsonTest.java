package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tool's JSON mapper on the value types no command output happens to carry today. */
class JsonTest {
  record Sample(UUID id, BigDecimal amount, BigDecimal big, double rate, LocalDate day,
      Instant at, Duration every, Optional<String> none, Optional<Integer> some, Path file) {}

  @Test
  void valuesAreWrittenInTheirJsonOrIsoFormInComponentOrder() {
    UUID id = UUID.fromString("0b7e5b4e-4a53-4b7c-9a2f-3f1c2d4e5f60");
    String json = Json.write(new Sample(id, new BigDecimal("2.50"), new BigDecimal("1E+3"), 0.25,
        LocalDate.of(2026, 12, 5), Instant.parse("2026-12-05T06:40:25Z"), Duration.ofMinutes(5),
        Optional.empty(), Optional.of(7), Path.of("/tmp/backups/a.db")));
    assertThat(json).isEqualTo("{\"id\":\"0b7e5b4e-4a53-4b7c-9a2f-3f1c2d4e5f60\","
        + "\"amount\":2.50,\"big\":1000,\"rate\":0.25,\"day\":\"2026-12-05\","
        + "\"at\":\"2026-12-05T06:40:25Z\",\"every\":\"PT5M\",\"none\":null,\"some\":7,"
        + "\"file\":\"/tmp/backups/a.db\"}");
  }

  @Test
  void aPageIsCountedFromOneWithItsTotals() {
    Page<String> page = Page.of(List.of("c", "d"), PageRequest.of(1, 2), 5);
    assertThat(Json.write(page)).isEqualTo(
        "{\"items\":[\"c\",\"d\"],\"page\":2,\"pageSize\":2,\"totalItems\":5,\"totalPages\":3}");
    assertThat(Json.write(List.of(page))).startsWith("[{\"items\":");
  }

  @Test
  void theFooterOfATextPageSaysWhereItIsAndWhatIsNext() {
    assertThat(EngineCommand.footer(Page.of(List.of(1, 2), PageRequest.of(0, 2), 5)))
        .isEqualTo("page 1 of 3 (5 items); next: --page 2");
    assertThat(EngineCommand.footer(Page.of(List.of(5), PageRequest.of(2, 2), 5)))
        .isEqualTo("page 3 of 3 (5 items)");
    assertThat(EngineCommand.footer(Page.of(List.of(1), PageRequest.of(0, 50), 1)))
        .isEqualTo("page 1 of 1 (1 item)");
    assertThat(EngineCommand.footer(Page.of(List.of(), PageRequest.of(0, 50), 0)))
        .isEqualTo("0 items");
  }
}
