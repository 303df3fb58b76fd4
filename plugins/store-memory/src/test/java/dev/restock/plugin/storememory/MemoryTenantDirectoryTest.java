package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.query.PageRequest;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.core.wiring.RestockEngine;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What is particular to the in-memory directory: one place, so no moves; data kept until close. */
class MemoryTenantDirectoryTest {
  @Test
  void aTenantCannotBeMovedAndStaysServedWithItsData() {
    MemoryTenantDirectory directory = new MemoryTenantDirectory();
    try (Restock engine = RestockEngine.builder().tenants(directory).build()) {
      engine.tenants().add(Actor.system(), new NewTenant("a", "A"));
      engine.tenant("a").as(Actor.system()).products()
          .create(new CreateProduct("COLA", "Cola", null, BigDecimal.ONE, 1));

      assertThatThrownBy(() -> engine.tenants().move(Actor.system(), "a",
          MemoryTenantDirectory.PLACEMENT, "rebalance"))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("single place");

      assertThat(engine.tenants().find("a").placement()).isEqualTo("memory");
      assertThat(engine.tenant("a").as(Actor.system()).products().list(PageRequest.first())
          .total()).isEqualTo(1);
      assertThat(engine.tenants().events(Actor.system())).extracting(TenantEvent::action)
          .containsExactly("tenant.add");
    }
    assertThat(directory.list()).hasSize(1);
    assertThatThrownBy(() -> directory.record(new TenantEvent(0, java.time.Instant.EPOCH,
        Actor.SYSTEM_ID, "x", null, null, null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
