package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.plugin.tck.ChainContract;
import dev.restock.plugin.tck.ForwardingStore;
import dev.restock.plugin.tck.HistoryTampering;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit catches a store that does not look at its history: the in-memory store, wrapped so
 * that verification always answers "intact", run through the chain kit with the JUnit Platform's
 * test kit, fails every tamper case that verification must catch.
 */
class AlwaysIntactStoreFailsTheKitTest {
  private static final List<String> VERIFICATION_TAMPER_CASES = List.of(
      "aFieldChangedInARecordedRevisionIsABreakAtThatRevision",
      "anAuditEventChangedInARecordedRevisionIsABreakAtThatRevision",
      "aDeletedRevisionIsABreakAtTheRevisionAfterIt",
      "theNewestRevisionDeletedWithTheHeadMovedBackIsABreakAtTheHead",
      "aHeadHashThatDisagreesWithTheChainIsABreak",
      "theNewestRevisionRemovedWithAConsistentHeadIsCaughtByTheStoredCheckpoint");

  @Test
  void everyTamperCaseThatVerificationMustCatchFailsOnAStoreThatAlwaysAnswersIntact() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(VerifyThatNeverLooks.class))
        .execute().testEvents();

    assertThat(names(tests.failed().stream().toList()))
        .containsAll(VERIFICATION_TAMPER_CASES);
    assertThat(tests.failed().stream()).allSatisfy(e -> assertThat(e.getRequiredPayload(
        TestExecutionResult.class).getThrowable()).containsInstanceOf(AssertionError.class));
    // the drift check is not faked, so its case still passes: the failures are verification's
    assertThat(names(tests.succeeded().stream().toList()))
        .contains("aLiveRowChangedBehindTheStoresBackIsLiveDrift");
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(e -> ((MethodSource) e.getTestDescriptor().getSource()
        .orElseThrow()).getMethodName()).toList();
  }

  /** The chain kit on the in-memory store behind a verification that never looks. */
  static class VerifyThatNeverLooks extends ChainContract {
    private MemoryStore real;

    @Override
    protected StoreFactory freshStore() {
      return () -> {
        real = (MemoryStore) MemoryStore.factory().open();
        return new ForwardingStore(real) {
          @Override
          public AuditHistory history() {
            return new AlwaysIntactHistory(real.history());
          }
        };
      };
    }

    @Override
    public HistoryTampering tampering() {
      return new MemoryHistoryTampering(real);
    }
  }

  /** Forwards to the real history, but answers every verification with "intact". */
  private record AlwaysIntactHistory(AuditHistory real) implements AuditHistory {
    @Override
    public ChainVerification verifyChain() {
      return new ChainVerification(real.chainHead().size(), 0, Optional.empty(),
          Optional.empty(), List.of());
    }

    @Override
    public ChainVerification verifyChain(long afterSeq, String chainHashAtSeq) {
      return verifyChain();
    }

    @Override
    public List<EntityRevision> revisions(AuditedType type, UUID id) {
      return real.revisions(type, id);
    }

    @Override
    public Optional<EntityRevision> stateAt(AuditedType type, UUID id, Instant at) {
      return real.stateAt(type, id, at);
    }

    @Override
    public Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at) {
      return real.deviceAt(deviceId, at);
    }

    @Override
    public List<EntityChange> changesBy(UUID actorId, Instant from, Instant to) {
      return real.changesBy(actorId, from, to);
    }

    @Override
    public Map<UUID, RevisionInfo> lastDeletions(AuditedType type, Collection<UUID> ids) {
      return real.lastDeletions(type, ids);
    }

    @Override
    public ChainHead chainHead() {
      return real.chainHead();
    }

    @Override
    public void chained(long fromSeq, long toSeq, Consumer<ChainedRevision> each) {
      real.chained(fromSeq, toSeq, each);
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
      real.saveCheckpoint(checkpoint);
    }

    @Override
    public List<Checkpoint> checkpoints() {
      return real.checkpoints();
    }

    @Override
    public List<LiveDrift> liveDrift() {
      return real.liveDrift();
    }
  }
}
