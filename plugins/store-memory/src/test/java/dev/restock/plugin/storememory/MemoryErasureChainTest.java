package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.StoreFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The memory store's erasure against its hash chain: personal fields are hashed as salted
 * commitments, so scrubbing them keeps the chain and its content as they were, while a value
 * changed behind the history's back (an erased one included) still breaks it; a rolled-back
 * erasure leaves history as it was.
 */
class MemoryErasureChainTest {
  private MemoryStore store;
  private StoreFixture fixture;
  private UUID ann;

  @BeforeEach
  void open() {
    store = (MemoryStore) MemoryStore.factory().open();
    fixture = new StoreFixture(store);
    User added = fixture.write(() -> store.users().add(new User(UUID.randomUUID(), "ann",
        "ann@example.com", Role.DRIVER, true, 0, AuditStamp.NEW, null)));
    ann = added.id();
    fixture.write(() -> store.users().update(new User(ann, "ann", "ann.two@example.com",
        Role.DRIVER, true, added.version(), added.stamp(), null)));
    fixture.write(() -> store.users().add(new User(UUID.randomUUID(), "bob",
        "bob@example.com", Role.VIEWER, true, 0, AuditStamp.NEW, null)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ChainVerification verify() {
    return store.transactions().read(() -> store.history().verifyChain());
  }

  private List<ChainedRevision> chained() {
    List<ChainedRevision> all = new ArrayList<>();
    store.transactions().read(() -> {
      store.history().chained(1, Long.MAX_VALUE, all::add);
      return null;
    });
    return all;
  }

  private List<EntityRevision> revisions(UUID id) {
    return store.transactions().read(() -> store.history().revisions(AuditedType.USER, id));
  }

  private void erase(UUID id) {
    fixture.write(() -> {
      store.users().erase(id);
      return null;
    });
  }

  private void hook(Runnable tamper) {
    store.transactions().write(new AuditContext(Actor.system(), "tamper"), () -> {
      tamper.run();
      return null;
    });
  }

  @Test
  void theChainKeepsCommitmentsNotEmails() {
    assertThat(chained()).allSatisfy(r -> assertThat(r.content()).doesNotContain("@example.com")
        .doesNotContain("ann.two"));
  }

  @Test
  void erasingKeepsTheChainAndItsContentAsTheyWere() {
    List<ChainedRevision> before = chained();
    erase(ann);

    assertThat(verify().intact()).isTrue();
    List<ChainedRevision> after = chained();
    assertThat(after).hasSize(before.size() + 1);
    assertThat(after.subList(0, before.size())).isEqualTo(before);
    List<EntityRevision> history = revisions(ann);
    assertThat(history).hasSize(3);
    assertThat(history.subList(0, 2)).allSatisfy(r -> assertThat(r.state())
        .containsEntry("email", MemoryHistory.ERASED).containsEntry("username", "ann"));
    assertThat(history.get(2).state()).containsEntry("email", User.erasedEmail(ann))
        .containsEntry("active", "false");
    assertThat(revisions(ann).toString()).doesNotContain("ann@example.com")
        .doesNotContain("ann.two@example.com");
    // bob's history is untouched
    assertThat(revisions(store.transactions().read(() -> store.users().findByUsername("bob"))
        .orElseThrow().id()).get(0).state()).containsEntry("email", "bob@example.com");
  }

  @Test
  void anErasedValueChangedBehindTheHistoryBreaksTheChain() {
    erase(ann);
    hook(() -> store.memoryHistory().tamper(AuditedType.USER, ann, 0, Map.of("username", "ann",
        "email", "ann@example.com", "role", "DRIVER", "active", "true")));

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("does not match its hash"));
  }

  @Test
  void aPersonalValueChangedBehindTheHistoryBreaksTheChain() {
    hook(() -> store.memoryHistory().tamper(AuditedType.USER, ann, 1, Map.of("username", "ann",
        "email", "mallory@example.com", "role", "DRIVER", "active", "true")));

    assertThat(verify().intact()).isFalse();
  }

  @Test
  void aRolledBackErasureLeavesHistoryAsItWas() {
    List<EntityRevision> before = revisions(ann);
    List<ChainedRevision> chain = chained();

    assertThatThrownBy(() -> fixture.write(() -> {
      store.users().erase(ann);
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");
    assertThat(revisions(ann)).isEqualTo(before);
    assertThat(revisions(ann).get(0).state()).containsEntry("email", "ann@example.com");
    assertThat(chained()).isEqualTo(chain);
    assertThat(verify().intact()).isTrue();
    assertThat(store.transactions().read(() -> store.users().findByEmail("ann.two@example.com")))
        .map(User::id).contains(ann);
  }

  @Test
  void anUnknownUserIsNotFound() {
    UUID nobody = UUID.randomUUID();
    assertThatThrownBy(() -> erase(nobody)).isInstanceOf(NotFoundException.class);
    assertThat(verify().intact()).isTrue();
  }
}
