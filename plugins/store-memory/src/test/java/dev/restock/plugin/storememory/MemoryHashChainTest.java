package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.catalog.Product;
import dev.restock.plugin.tck.StoreFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain's verification is a real recomputation: a changed entry is found and named. */
class MemoryHashChainTest {
  @Test
  void changingARecordedStateBreaksTheChainAtItsRevision() {
    try (MemoryStore store = (MemoryStore) MemoryStore.factory().open()) {
      StoreFixture fixture = new StoreFixture(store);
      Product cola = fixture.write(() -> store.products().add(
          StoreFixture.product("COLA", "Cola", "1.50")));
      fixture.write(() -> store.products().add(StoreFixture.product("TEA", "Tea", "1.00")));
      ChainVerification before = store.transactions().read(() -> store.history().verifyChain());
      assertThat(before.intact()).isTrue();
      assertThat(before.checked()).isEqualTo(2);
      long revision = store.transactions().read(() -> store.history()
          .revisions(AuditedType.PRODUCT, cola.id())).get(0).info().number();

      store.transactions().write(new AuditContext(Actor.system(), "tamper"), () -> {
        store.memoryHistory().tamper(AuditedType.PRODUCT, cola.id(), 0,
            Map.of("sku", "COLA", "name", "Cola", "price", "0.01"));
        return null;
      });

      ChainVerification after = store.transactions().read(() -> store.history().verifyChain());
      assertThat(after.intact()).isFalse();
      assertThat(after.firstBroken()).contains(revision);
      assertThat(after.problem().orElseThrow()).contains("revision " + revision);
    }
  }
}
