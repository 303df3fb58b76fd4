package dev.restock.core.audit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.core.audit.trust.MerkleTree.Range;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against the RFC 6962/9162 reference vectors (the Certificate Transparency test data)
 * and against a naive, literal transcription of the RFC's recursive definitions for every size
 * 1..64, every leaf and every pair of sizes.
 */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The eight leaves of the CT reference tree. */
  private static final List<byte[]> CT_LEAVES = List.of(HEX.parseHex(""), HEX.parseHex("00"),
      HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"),
      HEX.parseHex("5051525354555657"), HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

  private static final List<String> CT_ROOTS = List.of(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void rootsMatchTheReferenceVectorsForSizesOneToEightAndTheEmptyTree() {
    MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
    assertThat(HEX.formatHex(acc.root()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (int i = 0; i < CT_LEAVES.size(); i++) {
      acc.add(MerkleTree.leafHash(CT_LEAVES.get(i)));
      assertThat(HEX.formatHex(acc.root())).as("size %d", i + 1).isEqualTo(CT_ROOTS.get(i));
    }
  }

  @Test
  void inclusionAndConsistencyProofsMatchTheReferenceVectors() {
    List<byte[]> leafHashes = CT_LEAVES.stream().map(MerkleTree::leafHash).toList();
    assertThat(hex(proofOf(leafHashes, MerkleTree.inclusionRanges(0, 8)))).containsExactly(
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(proofOf(leafHashes, MerkleTree.consistencyRanges(6, 8)))).containsExactly(
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(MerkleTree.verifyConsistency(6, 8, HEX.parseHex(CT_ROOTS.get(5)),
        HEX.parseHex(CT_ROOTS.get(7)), proofOf(leafHashes, MerkleTree.consistencyRanges(6, 8))))
        .isTrue();
  }

  @Test
  void everyRootUpTo64LeavesEqualsTheRecursiveDefinition() {
    List<byte[]> leaves = leaves(64);
    MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
    for (int n = 1; n <= 64; n++) {
      acc.add(leaves.get(n - 1));
      assertThat(acc.root()).as("size %d", n).isEqualTo(naiveRoot(leaves.subList(0, n)));
      assertThat(acc.copy().root()).isEqualTo(acc.root());
    }
  }

  @Test
  void everyInclusionProofUpTo64LeavesEqualsTheRecursiveDefinitionAndVerifies() {
    List<byte[]> leaves = leaves(64);
    for (int n = 1; n <= 64; n++) {
      List<byte[]> tree = leaves.subList(0, n);
      byte[] root = naiveRoot(tree);
      for (int m = 0; m < n; m++) {
        List<byte[]> proof = proofOf(tree, MerkleTree.inclusionRanges(m, n));
        assertThat(hex(proof)).as("path of %d in %d", m, n)
            .isEqualTo(hex(naivePath(m, tree)));
        assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), proof, root))
            .as("verify %d in %d", m, n).isTrue();
      }
    }
  }

  @Test
  void everyConsistencyProofUpTo64LeavesEqualsTheRecursiveDefinitionAndVerifies() {
    List<byte[]> leaves = leaves(64);
    for (int n = 1; n <= 64; n++) {
      List<byte[]> tree = leaves.subList(0, n);
      byte[] newRoot = naiveRoot(tree);
      for (int m = 1; m <= n; m++) {
        List<byte[]> proof = proofOf(tree, MerkleTree.consistencyRanges(m, n));
        assertThat(hex(proof)).as("proof %d -> %d", m, n)
            .isEqualTo(hex(m == n ? List.of() : naiveSubproof(m, tree, true)));
        assertThat(MerkleTree.verifyConsistency(m, n, naiveRoot(leaves.subList(0, m)), newRoot,
            proof)).as("verify %d -> %d", m, n).isTrue();
      }
    }
  }

  @Test
  void anyAlteredInclusionProofFailsToVerify() {
    List<byte[]> leaves = leaves(64);
    for (int n = 2; n <= 64; n += 3) {
      List<byte[]> tree = leaves.subList(0, n);
      byte[] root = naiveRoot(tree);
      for (int m = 0; m < n; m++) {
        List<byte[]> proof = proofOf(tree, MerkleTree.inclusionRanges(m, n));
        for (int i = 0; i < proof.size(); i++) {
          assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), flipped(proof, i), root))
              .as("node %d of path %d in %d flipped", i, m, n).isFalse();
        }
        assertThat(MerkleTree.verifyInclusion(m, n, flip(tree.get(m)), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), proof, flip(root))).isFalse();
        assertThat(MerkleTree.verifyInclusion((m + 1) % n, n, tree.get(m), proof, root))
            .as("wrong index").isFalse();
        // no size check here: the RFC's path alone does not pin the size (leaf 0 of 5 and of 6
        // share a path shape); a proof pins it by the signed checkpoint, checked in ProofsTest
        if (!proof.isEmpty()) {
          assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m),
              proof.subList(0, proof.size() - 1), root)).as("shortened").isFalse();
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(m, n, tree.get(m), longer, root)).isFalse();
      }
    }
  }

  @Test
  void anyAlteredConsistencyProofOrRootFailsToVerify() {
    List<byte[]> leaves = leaves(40);
    for (int n = 2; n <= 40; n++) {
      byte[] newRoot = naiveRoot(leaves.subList(0, n));
      for (int m = 1; m < n; m++) {
        byte[] oldRoot = naiveRoot(leaves.subList(0, m));
        List<byte[]> proof = proofOf(leaves.subList(0, n), MerkleTree.consistencyRanges(m, n));
        for (int i = 0; i < proof.size(); i++) {
          assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, flipped(proof, i)))
              .as("node %d of %d -> %d flipped", i, m, n).isFalse();
        }
        assertThat(MerkleTree.verifyConsistency(m, n, flip(oldRoot), newRoot, proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, flip(newRoot), proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, List.of())).isFalse();
      }
    }
    // a rewritten history: same size, one leaf changed, is not an extension of the old tree
    List<byte[]> rewritten = new ArrayList<>(leaves.subList(0, 20));
    rewritten.set(3, MerkleTree.leafHash("forged".getBytes(StandardCharsets.UTF_8)));
    assertThat(MerkleTree.verifyConsistency(10, 20, naiveRoot(leaves.subList(0, 10)),
        naiveRoot(rewritten), proofOf(rewritten, MerkleTree.consistencyRanges(10, 20))))
        .isFalse();
  }

  @Test
  void badSizesAndIndicesAreRefused() {
    assertThatThrownBy(() -> MerkleTree.inclusionRanges(5, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in a tree of 5");
    assertThatThrownBy(() -> MerkleTree.consistencyRanges(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MerkleTree.verifyInclusion(-1, 4, new byte[32], List.of(), new byte[32]))
        .isFalse();
    MerkleTree.RangeHasher partial = new MerkleTree.RangeHasher(List.of(new Range(2, 6)));
    partial.add(new byte[32]);
    assertThatThrownBy(partial::hashes).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("were not all seen");
  }

  // ---- helpers: the RFC's definitions written literally, over lists

  private static List<byte[]> leaves(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static int k(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  private static byte[] naiveRoot(List<byte[]> d) {
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = k(d.size());
    return MerkleTree.nodeHash(naiveRoot(d.subList(0, k)), naiveRoot(d.subList(k, d.size())));
  }

  private static List<byte[]> naivePath(int m, List<byte[]> d) {
    List<byte[]> out = new ArrayList<>();
    if (d.size() == 1) {
      return out;
    }
    int k = k(d.size());
    if (m < k) {
      out.addAll(naivePath(m, d.subList(0, k)));
      out.add(naiveRoot(d.subList(k, d.size())));
    } else {
      out.addAll(naivePath(m - k, d.subList(k, d.size())));
      out.add(naiveRoot(d.subList(0, k)));
    }
    return out;
  }

  private static List<byte[]> naiveSubproof(int m, List<byte[]> d, boolean b) {
    List<byte[]> out = new ArrayList<>();
    int n = d.size();
    if (m == n) {
      if (!b) {
        out.add(naiveRoot(d));
      }
      return out;
    }
    int k = k(n);
    if (m <= k) {
      out.addAll(naiveSubproof(m, d.subList(0, k), b));
      out.add(naiveRoot(d.subList(k, n)));
    } else {
      out.addAll(naiveSubproof(m - k, d.subList(k, n), false));
      out.add(naiveRoot(d.subList(0, k)));
    }
    return out;
  }

  /** Streams the leaves through a {@link MerkleTree.RangeHasher}, as the engine does. */
  private static List<byte[]> proofOf(List<byte[]> leafHashes, List<Range> ranges) {
    MerkleTree.RangeHasher hasher = new MerkleTree.RangeHasher(ranges);
    leafHashes.forEach(hasher::add);
    return hasher.hashes();
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static byte[] flip(byte[] b) {
    byte[] c = b.clone();
    c[c.length / 2] ^= 0x01;
    return c;
  }

  private static List<byte[]> flipped(List<byte[]> proof, int i) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.set(i, flip(copy.get(i)));
    return copy;
  }
}
