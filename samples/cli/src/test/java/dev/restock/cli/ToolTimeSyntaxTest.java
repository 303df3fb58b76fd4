package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One syntax for --since, --until and as-of: an age, a date or an ISO instant. */
class ToolTimeSyntaxTest {
  private static final Instant NOW = Instant.parse("2026-12-05T10:15:30Z");

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @Test
  void agesCountBackFromNow() {
    assertThat(PointInTime.parse("7d", NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
    assertThat(PointInTime.parse("12h", NOW)).isEqualTo(NOW.minus(Duration.ofHours(12)));
    assertThat(PointInTime.parse("30m", NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
  }

  @Test
  void aDateIsTheStartOfThatDayInUtc() {
    assertThat(PointInTime.parse("2026-12-01", NOW))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void anIsoInstantWithZOrAnOffsetIsThatInstant() {
    assertThat(PointInTime.parse("2026-12-01T08:30:00Z", NOW))
        .isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    assertThat(PointInTime.parse("2026-12-01T09:30:00+01:00", NOW))
        .isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
  }

  @Test
  void anythingElseNamesTheAcceptedForms() {
    for (String bad : new String[] {"yesterday", "-5d", "7w", "", "2026-13-01",
        "+1000000000-01-01T00:00:00Z", "999999999d"}) {
      assertThatThrownBy(() -> PointInTime.parse(bad, NOW)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> PointInTime.parse("yesterday", NOW))
        .hasMessageContaining("7d").hasMessageContaining("2026-12-01")
        .hasMessageContaining("ISO instant");
  }

  private Path database() {
    Path db = dir.resolve("restock.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db)).build()) {
      engine.as(Actor.system()).users().create(new CreateUser("olga", "olga@example.com",
          Role.ADMIN));
    }
    return db;
  }

  @Test
  void everyTimeOptionOfTheToolTakesADateAndAnAge() {
    String db = database().toString();
    ToolRun add = ToolRun.of("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1",
        "--db", db);
    assertThat(add.code()).as(add.toString()).isZero();
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    for (String[] command : new String[][] {
        {"sales", "list", "--since", "2026-01-01", "--until", "1m"},
        {"delivery-note", "list", "--since", "7d"},
        {"audit", "events", "--since", today, "--until", "2999-01-01"},
        {"history", "--actor", "olga", "--since", "2000-01-01"},
        {"as-of", "product", "COLA", "2999-01-01"}}) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
      args.add("--db");
      args.add(db);
      ToolRun run = ToolRun.of(args);
      assertThat(run.code()).as(String.join(" ", command) + ": " + run).isZero();
    }
    assertThat(ToolRun.of("audit", "events", "--since", today, "--db", db).out())
        .contains("product.create");
    assertThat(ToolRun.of("history", "--actor", "olga", "--since", "1h", "--db", db).out())
        .contains("product.create");
    assertThat(ToolRun.of("history", "--actor", "olga", "--until", "2000-01-01", "--db", db)
        .out()).doesNotContain("product.create");
  }

  @Test
  void aBadTimeIsBadInputNamingTheOptionAndTheForms() {
    String db = database().toString();
    ToolRun since = ToolRun.of("sales", "list", "--since", "yesterday", "--db", db);
    assertThat(since.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(since.err()).contains("--since").contains("30m, 12h, 7d").contains("2026-12-01");
    ToolRun until = ToolRun.of("audit", "events", "--until", "soon", "--db", db);
    assertThat(until.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(until.err()).contains("--until");
    ToolRun asOf = ToolRun.of("as-of", "product", "COLA", "last week", "--db", db);
    assertThat(asOf.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(asOf.err()).contains("TIME").contains("7d");
  }
}
