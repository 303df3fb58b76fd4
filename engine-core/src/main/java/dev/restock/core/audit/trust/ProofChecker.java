package dev.restock.core.audit.trust;

import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks proofs and checkpoint signatures offline: no store, no engine, only the proof and the
 * signer's public key. Every method returns the problems found, each a sentence; none means the
 * proof holds.
 */
public final class ProofChecker {
  private static final HexFormat HEX = HexFormat.of();

  private ProofChecker() {}

  /**
   * The problems of a checkpoint's signature under {@code key}: unsigned, signed by another key,
   * or a signature that does not verify (any signed field changed).
   */
  public static List<String> signatureProblems(Checkpoint c, PublicKey key) {
    Objects.requireNonNull(c, "checkpoint");
    Objects.requireNonNull(key, "key");
    String expected = Ed25519Keys.keyId(key);
    String what = "checkpoint of size " + c.size() + " (" + c.time() + ")";
    if (!c.signed()) {
      return List.of(what + " is not signed");
    }
    if (!expected.equals(c.keyId())) {
      return List.of(what + " names key " + c.keyId() + ", not the given key " + expected);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(c.signature());
    } catch (IllegalArgumentException e) {
      return List.of(what + ": its signature is not base64");
    }
    if (!Ed25519Keys.verify(key, c.signedBytes(), signature)) {
      return List.of(what + ": its signature does not match its fields (altered or forged)");
    }
    return List.of();
  }

  /**
   * The problems of an inclusion proof: the revision's content, index and path must lead to the
   * checkpoint's root, the checkpoint must be signed by {@code key}, and the revision id must be
   * the one the content records.
   */
  public static List<String> problems(InclusionProof p, PublicKey key) {
    Objects.requireNonNull(p, "proof");
    List<String> problems = new ArrayList<>(signatureProblems(p.checkpoint(), key));
    if (p.treeSize() != p.checkpoint().size()) {
      problems.add("the proof's tree size " + p.treeSize() + " is not the checkpoint's size "
          + p.checkpoint().size());
    }
    if (p.seq() < 1 || p.seq() > p.treeSize()) {
      problems.add("revision position " + p.seq() + " is outside the tree of " + p.treeSize());
    }
    if (!RevisionContent.names(p.content(), p.revisionId())) {
      problems.add("the revision content does not record revision " + p.revisionId());
    }
    List<byte[]> path = hashes(p.auditPath(), "audit path", problems);
    byte[] root = hash(p.checkpoint().rootHash(), "checkpoint root", problems);
    if (path != null && root != null && !MerkleTree.verifyInclusion(p.leafIndex(), p.treeSize(),
        MerkleTree.leafHash(p.content().getBytes(StandardCharsets.UTF_8)), path, root)) {
      problems.add("the revision's content and audit path do not lead to the checkpoint's root: "
          + "the revision, its position or the path was altered");
    }
    return problems;
  }

  /**
   * The problems of a consistency proof: both checkpoints signed by {@code key}, of the same
   * chain, and the path proving the older tree a prefix of the newer.
   */
  public static List<String> problems(ConsistencyProof p, PublicKey key) {
    Objects.requireNonNull(p, "proof");
    List<String> problems = new ArrayList<>(signatureProblems(p.older(), key));
    problems.addAll(signatureProblems(p.newer(), key));
    problems.addAll(consistencyProblems(p));
    return problems;
  }

  /** The problems of a consistency proof's path alone, signatures aside. */
  static List<String> consistencyProblems(ConsistencyProof p) {
    List<String> problems = new ArrayList<>();
    if (!p.older().genesis().equals(p.newer().genesis())) {
      problems.add("the checkpoints belong to different chains (genesis differs)");
    }
    List<byte[]> path = hashes(p.path(), "consistency path", problems);
    byte[] older = hash(p.older().rootHash(), "older root", problems);
    byte[] newer = hash(p.newer().rootHash(), "newer root", problems);
    if (path != null && older != null && newer != null && !MerkleTree.verifyConsistency(
        p.older().size(), p.newer().size(), older, newer, path)) {
      problems.add("the history of size " + p.newer().size() + " does not extend the history of "
          + "size " + p.older().size() + ": revisions were changed or removed in between");
    }
    return problems;
  }

  private static List<byte[]> hashes(List<String> hex, String what, List<String> problems) {
    List<byte[]> out = new ArrayList<>();
    for (String h : hex) {
      byte[] b = hash(h, what, problems);
      if (b == null) {
        return null;
      }
      out.add(b);
    }
    return out;
  }

  private static byte[] hash(String hex, String what, List<String> problems) {
    if (hex == null || hex.length() != 64 || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
      problems.add(what + ": not a 64-digit lower-case hex hash");
      return null;
    }
    try {
      return HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      problems.add(what + ": not a 64-digit lower-case hex hash");
      return null;
    }
  }
}
