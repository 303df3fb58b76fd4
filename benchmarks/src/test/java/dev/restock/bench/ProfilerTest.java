package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --jfr}: a recording per scenario, and hot frames that are the engine's own code. */
class ProfilerTest {

  @Test
  void aRecordedScenarioLeavesAFileWhoseHotFramesAreEngineCode(@TempDir Path dir)
      throws Exception {
    Profiler profiler = new Profiler(dir);
    try (Restock engine = RestockEngine.builder().store(JpaStores.fromLocation(
        "jdbc:h2:mem:profiler" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")).build()) {
      User admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@bench.example", Role.ADMIN));
      RestockSession ops = engine.as(Actor.user(admin.id()));
      profiler.record("H2-products", () -> {
        for (int i = 0; i < 300; i++) {
          ops.products().create(new CreateProduct("SKU-" + i, "Product " + i, null,
              new BigDecimal("1.50"), 6));
        }
        return null;
      });
    }

    Profiler.Profile profile = Profiler.hotFrames(dir.resolve("h2-products.jfr"), Profiler.TOP);
    assertThat(profile.samples()).isPositive();
    assertThat(profile.top()).isNotEmpty().hasSizeLessThanOrEqualTo(Profiler.TOP)
        .allSatisfy(f -> assertThat(f.frame()).startsWith("dev.restock.")
            .doesNotStartWith("dev.restock.bench."));
    assertThat(profile.top()).isSortedAccordingTo(
        (a, b) -> Long.compare(b.samples(), a.samples()));
  }
}
