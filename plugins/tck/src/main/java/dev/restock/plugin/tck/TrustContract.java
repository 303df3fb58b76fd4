package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.spi.AnchorSink;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints, verification against anchors and proofs for auditors, through the whole
 * engine on any store: what a store's {@code chainHead}, {@code chained}, {@code saveCheckpoint}
 * and {@code checkpoints} must give for the engine's Merkle tree to hold. Proofs are checked here
 * with the suite's own RFC 9162 verifier and the JDK's Ed25519, independently of the engine's
 * code. Extend it with {@link #openEngine}.
 */
public abstract class TrustContract {
  private Restock engine;
  private RestockSession session;
  private final TestSigner signer = new TestSigner();
  private final List<Checkpoint> anchored = new CopyOnWriteArrayList<>();

  /**
   * An engine on a new, empty store with {@code signer} and {@code sink} configured and
   * automatic checkpoints off, e.g. {@code RestockEngine.builder().store(...)
   * .checkpointSigner(signer).anchorSink(sink).checkpointEvery(0, null).build()}.
   */
  protected abstract Restock openEngine(CheckpointSigner signer, AnchorSink sink);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /** The engine the suite runs on, for subclasses adding tests of their own. */
  protected Restock engine() {
    return engine;
  }

  /** The administrator's session. */
  protected RestockSession session() {
    return session;
  }

  /** The public key of the suite's signer. */
  protected PublicKey publicKey() {
    return signer.publicKey();
  }

  /** Checkpoints the engine published to the suite's anchor sink. */
  protected List<Checkpoint> anchored() {
    return List.copyOf(anchored);
  }

  @BeforeEach
  void startEngine() {
    engine = openEngine(signer, new AnchorSink() {
      @Override
      public String id() {
        return "tck-anchors";
      }

      @Override
      public void publish(Checkpoint checkpoint) {
        anchored.add(checkpoint);
      }
    });
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("ada", "ada@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()));
  }

  @AfterEach
  void stopEngine() {
    try {
      if (engine != null) {
        engine.close();
      }
    } finally {
      cleanUp();
    }
  }

  private Fleet someHistory() {
    Fleet f = EngineFixture.fleet(session);
    session.products().update(f.cola().id(),
        new UpdateProduct(null, null, null, new BigDecimal("1.20"), null, null));
    session.products().update(f.water().id(),
        new UpdateProduct(null, "Still water", null, null, null, null));
    return f;
  }

  private IntegrityReport verify(List<Checkpoint> anchors, boolean live) {
    return session.history().verify(new IntegrityCheck(Optional.of(publicKey()), anchors, live));
  }

  @Test
  void aCheckpointIsSignedStoredAndAnchoredAndVerifiesAgainstItsAnchor() {
    someHistory();
    Checkpoint c = session.history().checkpoint();

    assertThat(c.size()).as("every revision so far is chained").isPositive();
    assertThat(c.keyId()).isEqualTo(signer.keyId());
    assertThat(signatureValid(c)).isTrue();
    assertThat(session.history().checkpoints()).containsExactly(c);
    assertThat(anchored()).containsExactly(c);
    assertThat(session.history().checkpoint()).as("nothing new: the same one").isEqualTo(c);

    IntegrityReport report = verify(anchored(), true);
    assertThat(report.breaks()).isEmpty();
    assertThat(report.drift()).as("nothing was edited behind the engine").isEmpty();
    assertThat(report.intact()).isTrue();
    assertThat(report.chain().intact()).isTrue();
    assertThat(report.head().size()).isEqualTo(c.size());
    assertThat(report.signatures()).isEqualTo(2);
    assertThat(engine.checkpointFailures()).containsEntry("checkpoint", 0L)
        .containsEntry("tck-anchors", 0L);
  }

  @Test
  void checkpointsSurviveANewEngineAndExtendTheTree() {
    Fleet f = someHistory();
    Checkpoint first = session.history().checkpoint();
    session.products().update(f.chips().id(),
        new UpdateProduct(null, null, null, new BigDecimal("0.85"), null, null));
    Checkpoint second = session.history().checkpoint();
    assertThat(second.size()).isGreaterThan(first.size());
    assertThat(second.genesis()).isEqualTo(first.genesis());
    assertThat(session.history().checkpoints()).containsExactly(first, second);

    ConsistencyProof proof = session.history().consistency(first.size(), second.size());
    assertThat(proof.older()).isEqualTo(first);
    assertThat(proof.newer()).isEqualTo(second);
    assertThat(Rfc9162.consistent(first.size(), second.size(), hex(first.rootHash()),
        hex(second.rootHash()), proof.path().stream().map(TrustContract::hex).toList()))
        .isTrue();
    assertThat(verify(anchored(), false).intact()).isTrue();
  }

  @Test
  void everyChangedEntityHasAnInclusionProofThatChecksOfflineAgainstTheSignedRoot() {
    Fleet f = someHistory();
    Checkpoint c = session.history().checkpoint();
    List<HistoryEntry> cola = session.history().history(AuditedType.PRODUCT, f.cola().id());
    List<Long> revisions = new ArrayList<>();
    cola.forEach(e -> revisions.add(e.info().number()));
    session.history().history(AuditedType.PRODUCT, f.water().id())
        .forEach(e -> revisions.add(e.info().number()));
    for (long rev : revisions) {
      InclusionProof proof = session.history().prove(rev);
      assertThat(proof.revisionId()).isEqualTo(rev);
      assertThat(proof.checkpoint()).isEqualTo(c);
      assertThat(proof.treeSize()).isEqualTo(c.size());
      assertThat(proof.seq()).isBetween(1L, c.size());
      assertThat(signatureValid(proof.checkpoint())).isTrue();
      byte[] leaf = Rfc9162.leaf(proof.content().getBytes(StandardCharsets.UTF_8));
      List<byte[]> path = proof.auditPath().stream().map(TrustContract::hex).toList();
      assertThat(Rfc9162.included(proof.seq() - 1, proof.treeSize(), leaf, path,
          hex(c.rootHash()))).as("revision %d", rev).isTrue();
      assertThat(Rfc9162.included(proof.seq() - 1, proof.treeSize(),
          Rfc9162.leaf((proof.content() + " ").getBytes(StandardCharsets.UTF_8)), path,
          hex(c.rootHash()))).as("altered content").isFalse();
    }
  }

  @Test
  void aRevisionNewerThanEveryCheckpointHasNoProofYet() {
    Fleet f = someHistory();
    session.history().checkpoint();
    session.products().update(f.chips().id(),
        new UpdateProduct(null, "Crisps", null, null, null, null));
    long newest = session.history().history(AuditedType.PRODUCT, f.chips().id()).get(1).info()
        .number();
    assertThatThrownBy(() -> session.history().prove(newest))
        .isInstanceOf(NotFoundException.class);
    IntegrityReport report = verify(anchored(), false);
    assertThat(report.intact()).isTrue();
    assertThat(report.limits()).anyMatch(l -> l.contains("newer than the newest signed"));
  }

  @Test
  void anAnchorTheStoreCannotMatchIsABreak() {
    someHistory();
    Checkpoint real = session.history().checkpoint();
    // what the store would have to match had revisions been removed or rewritten since
    Checkpoint longer = signer.signed(new Checkpoint(real.genesis(), real.size() + 3,
        real.rootHash(), real.chainHash(), real.time(), null, null));
    Checkpoint otherRoot = signer.signed(new Checkpoint(real.genesis(), real.size(),
        "ab".repeat(32), real.chainHash(), real.time(), null, null));
    Checkpoint otherChain = signer.signed(new Checkpoint("cd".repeat(32), real.size(),
        real.rootHash(), real.chainHash(), real.time(), null, null));

    assertThat(verify(List.of(longer), false).breaks())
        .anyMatch(b -> b.contains("the chain holds only " + real.size()));
    assertThat(verify(List.of(otherRoot), false).breaks())
        .anyMatch(b -> b.contains("no longer have its Merkle root"));
    assertThat(verify(List.of(otherChain), false).breaks())
        .anyMatch(b -> b.contains("another genesis"));
    Checkpoint altered = new Checkpoint(real.genesis(), real.size(), real.rootHash(),
        real.chainHash(), real.time().plusSeconds(1), real.keyId(), real.signature());
    assertThat(verify(List.of(altered), false).breaks())
        .anyMatch(b -> b.contains("signature does not match"));
  }

  @Test
  void withoutAKeyVerifySaysWhatItCannotProve() {
    someHistory();
    IntegrityReport report = session.history().verify(IntegrityCheck.internal());
    assertThat(report.intact()).isTrue();
    assertThat(report.limits()).anyMatch(l -> l.startsWith("no public key:"))
        .anyMatch(l -> l.startsWith("no anchors:"));
    assertThat(session.history().liveDrift()).isEmpty();
  }

  private boolean signatureValid(Checkpoint c) {
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(publicKey());
      v.update(c.signedBytes());
      return v.verify(Base64.getDecoder().decode(c.signature()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  /** An Ed25519 signer with a key made for one test, from the JDK alone. */
  private static final class TestSigner implements CheckpointSigner {
    private final KeyPair pair;

    TestSigner() {
      try {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String keyId() {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
        return HexFormat.of().formatHex(d, 0, 8);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public PublicKey publicKey() {
      return pair.getPublic();
    }

    @Override
    public byte[] sign(byte[] message) {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    Checkpoint signed(Checkpoint c) {
      return c.withSignature(keyId(), Base64.getEncoder().encodeToString(sign(c.signedBytes())));
    }
  }

  /** RFC 9162 §2.1.3.2 and §2.1.4.2, transcribed as written, as an independent oracle. */
  private static final class Rfc9162 {
    static byte[] leaf(byte[] data) {
      return sha(new byte[] {0}, data);
    }

    static byte[] node(byte[] l, byte[] r) {
      return sha(new byte[] {1}, l, r);
    }

    static boolean included(long index, long size, byte[] leaf, List<byte[]> path,
        byte[] root) {
      if (index >= size) {
        return false;
      }
      long fn = index;
      long sn = size - 1;
      byte[] r = leaf;
      for (byte[] p : path) {
        if (sn == 0) {
          return false;
        }
        if ((fn & 1) == 1 || fn == sn) {
          r = node(p, r);
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        } else {
          r = node(r, p);
        }
        fn >>= 1;
        sn >>= 1;
      }
      return sn == 0 && MessageDigest.isEqual(r, root);
    }

    static boolean consistent(long first, long second, byte[] firstRoot, byte[] secondRoot,
        List<byte[]> proof) {
      if (first == second) {
        return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
      }
      if (proof.isEmpty()) {
        return false;
      }
      List<byte[]> path = new ArrayList<>(proof);
      if (Long.bitCount(first) == 1) {
        path.add(0, firstRoot);
      }
      long fn = first - 1;
      long sn = second - 1;
      while ((fn & 1) == 1) {
        fn >>= 1;
        sn >>= 1;
      }
      byte[] fr = path.get(0);
      byte[] sr = path.get(0);
      for (byte[] c : path.subList(1, path.size())) {
        if (sn == 0) {
          return false;
        }
        if ((fn & 1) == 1 || fn == sn) {
          fr = node(c, fr);
          sr = node(c, sr);
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        } else {
          sr = node(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
      }
      return sn == 0 && MessageDigest.isEqual(fr, firstRoot)
          && MessageDigest.isEqual(sr, secondRoot);
    }

    private static byte[] sha(byte[]... parts) {
      try {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
          d.update(p);
        }
        return d.digest();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
