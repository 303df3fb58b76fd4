package dev.restock.core.audit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.port.in.HistoryQueries;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.core.audit.KeyFileSigner;
import dev.restock.core.wiring.RestockEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints, verification and proofs through the engine, on a store whose tables a test edits
 * the way someone with write access to every table could.
 */
class TrustEngineTest {
  @TempDir Path keys;
  @TempDir Path outside;

  private final FakeChainStore store = new FakeChainStore();
  private KeyFileSigner signer;
  private Path anchors;
  private Restock engine;
  private HistoryQueries history;

  @BeforeEach
  void engine() {
    Path key = keys.resolve("audit.key");
    KeyFileSigner.generate(key);
    signer = KeyFileSigner.load(key);
    anchors = outside.resolve("anchors.jsonl");
    engine = RestockEngine.builder().store(() -> store).checkpointSigner(signer)
        .anchorSink(new JsonLinesAnchorSink(anchors)).checkpointEvery(0, null).build();
    history = engine.as(Actor.system()).history();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void revisions(int n) {
    for (int i = 0; i < n; i++) {
      store.append("change " + store.revisions.size());
    }
  }

  private IntegrityReport verifyAgainstAnchors() {
    return history.verify(new IntegrityCheck(Optional.of(signer.publicKey()),
        AuditJson.readCheckpoints(anchors, "anchors"), false));
  }

  @Test
  void aCheckpointIsTheSignedMerkleRootStoredAndAppendedToTheAnchorFile() throws Exception {
    revisions(5);
    Checkpoint c = history.checkpoint();

    MerkleTree.Accumulator expected = new MerkleTree.Accumulator();
    store.revisions.forEach(r -> expected.add(MerkleTree.leafHash(r.leafData())));
    assertThat(c.size()).isEqualTo(5);
    assertThat(c.rootHash()).isEqualTo(HexFormat.of().formatHex(expected.root()));
    assertThat(c.chainHash()).isEqualTo(store.head.hash());
    assertThat(c.genesis()).isEqualTo(FakeChainStore.GENESIS);
    assertThat(c.keyId()).isEqualTo(signer.keyId());
    assertThat(ProofChecker.signatureProblems(c, signer.publicKey())).isEmpty();
    assertThat(store.checkpoints).containsExactly(c);
    assertThat(Files.readAllLines(anchors)).hasSize(1);
    assertThat(AuditJson.readCheckpoints(anchors, "anchors")).containsExactly(c);
    // nothing new: the same checkpoint, not another line
    assertThat(history.checkpoint()).isEqualTo(c);
    assertThat(Files.readAllLines(anchors)).hasSize(1);
    assertThat(engine.checkpointFailures()).containsEntry("checkpoint", 0L)
        .containsEntry("jsonl-file", 0L);
  }

  @Test
  void anIntactChainVerifiesWithKeyAndAnchorsAndSaysWhatIsNewerThanTheAnchors() {
    revisions(4);
    history.checkpoint();
    revisions(2);
    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.breaks()).isEmpty();
    assertThat(report.intact()).isTrue();
    assertThat(report.signatures()).isEqualTo(2); // stored and anchored copy
    assertThat(report.anchors()).isEqualTo(1);
    assertThat(report.limits()).anyMatch(l -> l.contains("revisions 5..6 are newer than the "
        + "newest signed checkpoint"));
  }

  @Test
  void withoutKeyOrAnchorsVerifySaysPlainlyWhatItCannotProve() {
    revisions(3);
    IntegrityReport report = history.verify(IntegrityCheck.internal());
    assertThat(report.intact()).isTrue();
    assertThat(report.limits()).anyMatch(l -> l.startsWith("no public key: the chain is "
        + "internally consistent, but anyone able to write every table could have recomputed"))
        .anyMatch(l -> l.startsWith("no anchors:"));
  }

  @Test
  void theNewestRevisionDeletedWithTheHeadMovedBackIsABreakAgainstTheAnchor() {
    revisions(5);
    history.checkpoint();
    store.revisions.remove(4);
    ChainedRevision last = store.revisions.get(3);
    store.head = new ChainHead(FakeChainStore.GENESIS, 0, 4, last.hash());
    assertThat(store.history().verifyChain().intact()).as("the store alone sees nothing").isTrue();

    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.intact()).isFalse();
    assertThat(report.breaks()).anyMatch(b -> b.startsWith("anchored checkpoint of size 5")
        && b.contains("the chain holds only 4"));
  }

  @Test
  void aMiddleRevisionDeletedAndEveryHashRecomputedIsABreakAgainstTheAnchor() {
    revisions(6);
    history.checkpoint();
    store.checkpoints.clear(); // the rewriter removes the stored checkpoints too
    store.revisions.remove(2);
    store.recomputeEverything();
    revisions(1); // and the chain goes on as if nothing happened
    assertThat(store.history().verifyChain().intact()).isTrue();

    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.intact()).isFalse();
    assertThat(report.breaks()).anyMatch(b -> b.startsWith("anchored checkpoint of size 6")
        && b.contains("no longer have its Merkle root"));
  }

  @Test
  void aResetChainIsABreakAgainstTheAnchor() {
    revisions(3);
    history.checkpoint();
    store.revisions.clear();
    store.checkpoints.clear();
    store.head = new ChainHead(FakeChainStore.GENESIS, 103, 0, FakeChainStore.GENESIS);
    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.breaks()).anyMatch(b -> b.contains("covers 3 revisions but the chain "
        + "holds only 0"));
  }

  @Test
  void aCheckpointForgedWithAnotherKeyOrAlteredAfterSigningIsABreak() {
    revisions(3);
    Checkpoint real = history.checkpoint();
    Path otherKey = keys.resolve("other.key");
    KeyFileSigner.generate(otherKey);
    KeyFileSigner other = KeyFileSigner.load(otherKey);
    store.checkpoints.add(new Checkpoint(real.genesis(), real.size(), real.rootHash(),
        real.chainHash(), real.time().plusSeconds(1), null, null));
    Checkpoint forged = store.checkpoints.remove(1);
    store.checkpoints.add(forged.withSignature(other.keyId(), java.util.Base64.getEncoder()
        .encodeToString(other.sign(forged.signedBytes()))));
    store.checkpoints.add(new Checkpoint(real.genesis(), real.size(), real.rootHash(),
        real.chainHash(), real.time().plusSeconds(5), real.keyId(), real.signature()));

    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.breaks()).anyMatch(b -> b.contains("names key " + other.keyId()))
        .anyMatch(b -> b.contains("its signature does not match its fields"));
  }

  @Test
  void aLiveRowEditedBehindTheEngineIsReportedWhenAskedFor() {
    revisions(2);
    store.drift.add(new LiveDrift(AuditedType.values()[0], UUID.randomUUID(), "price", "1.50",
        "0.01"));
    assertThat(history.verify(IntegrityCheck.internal()).intact()).isTrue();
    IntegrityReport live = history.verify(new IntegrityCheck(Optional.empty(), List.of(), true));
    assertThat(live.intact()).isFalse();
    assertThat(live.drift()).hasSize(1);
    assertThat(history.liveDrift()).hasSize(1);
  }

  @Test
  void aBrokenChainIsNeverSignedAndNothingIsStoredOrAnchored() {
    revisions(3);
    ChainedRevision r = store.revisions.get(1);
    store.revisions.set(1, new ChainedRevision(r.seq(), r.revisionId(), r.content() + " forged",
        r.previousHash(), r.hash()));
    assertThatThrownBy(history::checkpoint).isInstanceOf(ConflictException.class)
        .hasMessageContaining("refusing to checkpoint a broken chain");
    assertThat(store.checkpoints).isEmpty();
    assertThat(anchors).doesNotExist();
  }

  @Test
  void aChainRewrittenBeneathAStoredCheckpointIsNeverSignedAgain() {
    revisions(4);
    history.checkpoint();
    store.revisions.remove(1);
    store.recomputeEverything();
    revisions(3);
    Restock restarted = RestockEngine.builder().store(() -> store).checkpointSigner(signer)
        .checkpointEvery(0, null).build();
    try {
      assertThatThrownBy(() -> restarted.as(Actor.system()).history().checkpoint())
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("no longer match the checkpoint");
    } finally {
      restarted.close();
    }
    assertThat(store.checkpoints).hasSize(1);
  }

  @Test
  void aProofOfOneRevisionChecksOfflineAndFailsAfterAnyByteOfItChanges() {
    revisions(11);
    history.checkpoint();
    InclusionProof proof = history.prove(107);
    assertThat(proof.seq()).isEqualTo(7);
    assertThat(proof.treeSize()).isEqualTo(11);
    assertThat(proof.auditPath()).hasSize(4);
    String file = AuditJson.inclusionProof(proof);
    assertThat(file.length()).isLessThan(4096);
    PublicKey key = signer.publicKey();
    assertThat(ProofChecker.problems(AuditJson.inclusionProof(file), key)).isEmpty();

    byte[] bytes = file.getBytes(StandardCharsets.US_ASCII);
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      for (int bit : new int[] {0x01, 0x20}) {
        byte[] changed = bytes.clone();
        changed[i] ^= (byte) bit;
        if (!rejected(new String(changed, StandardCharsets.ISO_8859_1), key)) {
          accepted.add(i);
        }
      }
    }
    assertThat(accepted).as("positions where a changed byte went unnoticed").isEmpty();
  }

  private static boolean rejected(String text, PublicKey key) {
    try {
      return !ProofChecker.problems(AuditJson.inclusionProof(text), key).isEmpty();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  @Test
  void aProofFailsWithAnotherKeyAndNamesEveryAlteredField() {
    revisions(4);
    history.checkpoint();
    InclusionProof proof = history.prove(102);
    Path otherKey = keys.resolve("other.key");
    KeyFileSigner.generate(otherKey);
    assertThat(ProofChecker.problems(proof, KeyFileSigner.load(otherKey).publicKey()))
        .anyMatch(p -> p.contains("not the given key"));
    InclusionProof otherRevision = new InclusionProof(103, proof.seq(), proof.content(),
        proof.treeSize(), proof.auditPath(), proof.checkpoint());
    assertThat(ProofChecker.problems(otherRevision, signer.publicKey()))
        .containsExactly("the revision content does not record revision 103");
    InclusionProof moved = new InclusionProof(102, 3, proof.content(), proof.treeSize(),
        proof.auditPath(), proof.checkpoint());
    assertThat(ProofChecker.problems(moved, signer.publicKey()))
        .anyMatch(p -> p.contains("do not lead to the checkpoint's root"));
  }

  @Test
  void noProofWithoutACheckpointCoveringTheRevision() {
    revisions(2);
    history.checkpoint();
    revisions(1);
    assertThatThrownBy(() -> history.prove(103)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("audit checkpoint");
    assertThatThrownBy(() -> history.prove(999)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void consistencyBetweenTwoCheckpointsProvesTheOlderAPrefixOfTheNewer() {
    revisions(3);
    history.checkpoint();
    revisions(4);
    history.checkpoint();
    ConsistencyProof proof = history.consistency(3, 7);
    assertThat(ProofChecker.problems(proof, signer.publicKey())).isEmpty();
    String file = AuditJson.consistencyProof(proof);
    assertThat(AuditJson.consistencyProof(file)).isEqualTo(proof);
    List<String> path = new ArrayList<>(proof.path());
    path.set(0, "0".repeat(64));
    assertThat(ProofChecker.problems(new ConsistencyProof(proof.older(), proof.newer(), path),
        signer.publicKey())).anyMatch(p -> p.contains("does not extend"));
    assertThatThrownBy(() -> history.consistency(7, 3)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> history.consistency(2, 7)).isInstanceOf(NotFoundException.class);

    store.revisions.remove(0);
    store.recomputeEverything();
    revisions(1);
    assertThatThrownBy(() -> history.consistency(3, 7)).isInstanceOf(ConflictException.class);
  }

  @Test
  void automaticCheckpointsComeEveryNWritesOffTheWritersThreadAndSinkFailuresAreCounted()
      throws Exception {
    revisions(2);
    List<Checkpoint> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    boolean[] failNext = {true};
    dev.restock.api.spi.AnchorSink flaky = new dev.restock.api.spi.AnchorSink() {
      @Override
      public String id() {
        return "flaky";
      }

      @Override
      public void publish(Checkpoint c) throws Exception {
        if (failNext[0]) {
          failNext[0] = false;
          throw new java.io.IOException("disk full");
        }
        delivered.add(c);
      }
    };
    Checkpointer checkpointer = new Checkpointer(
        new Checkpointer.Settings(signer, List.of(flaky), 3, null), store,
        java.time.Clock.systemUTC());
    try {
      checkpointer.committed();
      checkpointer.committed();
      assertThat(store.checkpoints).isEmpty();
      checkpointer.committed();
      awaitCheckpoints(1);
      assertThat(checkpointer.failures()).containsEntry("flaky", 1L);
      assertThat(delivered).isEmpty();
      revisions(3);
      for (int i = 0; i < 3; i++) {
        checkpointer.committed();
      }
      awaitCheckpoints(2);
      awaitDelivered(delivered, 2);
      // the one the sink missed came first, then the new one
      assertThat(delivered).extracting(Checkpoint::size).containsExactly(2L, 5L);
    } finally {
      checkpointer.close();
    }
  }

  @Test
  void periodicCheckpointsComeWhenSomethingNewWasChained() throws Exception {
    revisions(2);
    Checkpointer checkpointer = new Checkpointer(
        new Checkpointer.Settings(null, List.of(), 0, Duration.ofMillis(50)), store,
        java.time.Clock.systemUTC());
    try {
      awaitCheckpoints(1);
      assertThat(store.checkpoints.get(0).signed()).isFalse();
      Thread.sleep(200);
      assertThat(store.checkpoints).as("nothing new, nothing made").hasSize(1);
      revisions(1);
      awaitCheckpoints(2);
    } finally {
      checkpointer.close();
    }
  }

  @Test
  void theIncrementalTreeReadsOnlyTheNewRevisions() {
    revisions(8);
    history.checkpoint();
    revisions(3);
    int before = store.chainedReads.get();
    Checkpoint next = history.checkpoint();
    assertThat(store.chainedReads.get() - before).isEqualTo(1);
    MerkleTree.Accumulator expected = new MerkleTree.Accumulator();
    store.revisions.forEach(r -> expected.add(MerkleTree.leafHash(r.leafData())));
    assertThat(next.rootHash()).isEqualTo(HexFormat.of().formatHex(expected.root()));
  }

  @Test
  void aShortLivedEngineCheckpointsAtCloseWhenSomethingNewWasChained() {
    engine.close();
    Restock fresh = RestockEngine.builder().store(() -> store).checkpointSigner(signer)
        .checkpointEvery(0, null).checkpointOnClose(true).build();
    fresh.close();
    assertThat(store.checkpoints).as("an empty chain needs none").isEmpty();
    revisions(3);
    Restock writer = RestockEngine.builder().store(() -> store).checkpointSigner(signer)
        .checkpointEvery(0, null).checkpointOnClose(true).build();
    writer.close();
    assertThat(store.checkpoints).extracting(Checkpoint::size).containsExactly(3L);
    assertThat(store.checkpoints.get(0).signed()).isTrue();
    Restock reader = RestockEngine.builder().store(() -> store).checkpointSigner(signer)
        .checkpointEvery(0, null).checkpointOnClose(true).build();
    reader.close();
    assertThat(store.checkpoints).as("nothing new, nothing made").hasSize(1);
  }

  @Test
  void aChainThatNoLongerMatchesTheAnchorsIsNeverSignedEvenWithTheStoredCheckpointsGone() {
    revisions(5);
    history.checkpoint();
    store.checkpoints.clear();
    store.revisions.remove(2);
    store.recomputeEverything();
    revisions(2);
    Restock restarted = RestockEngine.builder().store(() -> store).checkpointSigner(signer)
        .checkpointAnchors(AuditJson.readCheckpoints(anchors, "anchors"))
        .checkpointEvery(0, null).build();
    try {
      assertThatThrownBy(() -> restarted.as(Actor.system()).history().checkpoint())
          .isInstanceOf(ConflictException.class).hasMessageContaining("no longer match");
      store.revisions.subList(3, store.revisions.size()).clear();
      store.recomputeEverything();
      assertThatThrownBy(() -> restarted.as(Actor.system()).history().checkpoint())
          .isInstanceOf(ConflictException.class).hasMessageContaining("does not extend");
    } finally {
      restarted.close();
    }
    assertThat(store.checkpoints).isEmpty();
  }

  @Test
  void aCheckpointThisEngineMadeThatVanishedFromTheStoreStopsSigning() {
    revisions(3);
    history.checkpoint();
    store.checkpoints.clear();
    revisions(1);
    assertThatThrownBy(history::checkpoint).isInstanceOf(ConflictException.class)
        .hasMessageContaining("is gone from the store");
    assertThat(store.checkpoints).isEmpty();
  }

  @Test
  void anAnchorFileInsideTheDatabaseDirectoryIsRefused() throws Exception {
    Path db = outside.resolve("db");
    Files.createDirectories(db.resolve("sub"));
    assertThatThrownBy(() -> new JsonLinesAnchorSink(db.resolve("sub/anchors.jsonl"), db))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("inside the database's directory");
    Path link = keys.resolve("link");
    Files.createSymbolicLink(link, db);
    assertThatThrownBy(() -> new JsonLinesAnchorSink(link.resolve("anchors.jsonl"), db))
        .isInstanceOf(ValidationException.class);
    assertThat(new JsonLinesAnchorSink(keys.resolve("anchors.jsonl"), db).file().getParent())
        .isEqualTo(keys.toAbsolutePath().normalize());
  }

  @Test
  void aBadAnchorFileNamesEveryBadLine() throws Exception {
    revisions(1);
    Checkpoint c = history.checkpoint();
    Files.writeString(anchors, AuditJson.checkpointLine(c) + "\n{\"size\":1}\nnot json\n",
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    assertThatThrownBy(() -> AuditJson.readCheckpoints(anchors, "anchors"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.message()).anyMatch(m -> m.contains("line 2"))
            .anyMatch(m -> m.contains("line 3")));
  }

  private void awaitCheckpoints(int n) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (store.checkpoints.size() < n && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(store.checkpoints).hasSize(n);
  }

  private static void awaitDelivered(List<Checkpoint> delivered, int n)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (delivered.size() < n && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(delivered).hasSize(n);
  }
}
