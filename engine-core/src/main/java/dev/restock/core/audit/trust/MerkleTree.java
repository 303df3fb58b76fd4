package dev.restock.core.audit.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 9162 Merkle tree hashing (the Certificate Transparency v2 tree): leaf hash =
 * SHA-256(0x00 || data), node hash = SHA-256(0x01 || left || right), the empty tree's hash is
 * SHA-256 of nothing. Roots and proofs are computed from a stream of leaf hashes in O(log n)
 * memory, so a chain of any length can be checked without loading it.
 */
public final class MerkleTree {
  private MerkleTree() {}

  /** A half-open range {@code [from, to)} of leaf positions; its subtree hash is one proof node. */
  public record Range(long from, long to) {
    public Range {
      if (from < 0 || to <= from) {
        throw new IllegalArgumentException("bad leaf range [" + from + ", " + to + ")");
      }
    }
  }

  public static byte[] leafHash(byte[] data) {
    MessageDigest sha = sha256();
    sha.update((byte) 0);
    sha.update(data);
    return sha.digest();
  }

  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 1);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** The hash of the tree with no leaves. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** The root over a list of leaf hashes; for small trees and tests. */
  public static byte[] root(List<byte[]> leafHashes) {
    Accumulator acc = new Accumulator();
    leafHashes.forEach(acc::add);
    return acc.root();
  }

  /**
   * Builds a root leaf by leaf in O(log n) memory: it keeps the roots of the perfect subtrees
   * that the leaves so far decompose into (at most one per bit of the size), which is also all
   * that is needed to extend the tree later.
   */
  public static final class Accumulator {
    private final List<byte[]> perfect = new ArrayList<>();
    private long size;

    public Accumulator() {}

    private Accumulator(List<byte[]> perfect, long size) {
      this.perfect.addAll(perfect);
      this.size = size;
    }

    public void add(byte[] leafHash) {
      Objects.requireNonNull(leafHash, "leafHash");
      byte[] carry = leafHash;
      // each trailing 1 bit of the old size is a perfect subtree of the same height to merge with
      for (long s = size; (s & 1) == 1; s >>= 1) {
        carry = nodeHash(perfect.remove(perfect.size() - 1), carry);
      }
      perfect.add(carry);
      size++;
    }

    public long size() {
      return size;
    }

    /** MTH of the leaves so far: the perfect subtrees folded from the right. */
    public byte[] root() {
      if (perfect.isEmpty()) {
        return emptyRoot();
      }
      byte[] acc = perfect.get(perfect.size() - 1);
      for (int i = perfect.size() - 2; i >= 0; i--) {
        acc = nodeHash(perfect.get(i), acc);
      }
      return acc;
    }

    public Accumulator copy() {
      return new Accumulator(perfect, size);
    }
  }

  /**
   * The leaf ranges whose subtree hashes form the inclusion proof (audit path, RFC 9162
   * §2.1.3.1) of leaf {@code index} in a tree of {@code size} leaves, in proof order (from the
   * leaf upwards).
   */
  public static List<Range> inclusionRanges(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<Range> out = new ArrayList<>();
    path(index, 0, size, out);
    return out;
  }

  private static void path(long m, long lo, long hi, List<Range> out) {
    long n = hi - lo;
    if (n == 1) {
      return;
    }
    long k = splitPoint(n);
    if (m < k) {
      path(m, lo, lo + k, out);
      out.add(new Range(lo + k, hi));
    } else {
      path(m - k, lo + k, hi, out);
      out.add(new Range(lo, lo + k));
    }
  }

  /**
   * The leaf ranges whose subtree hashes form the consistency proof (RFC 9162 §2.1.4.1) between
   * the tree of the first {@code older} leaves and the tree of {@code newer} leaves; empty when
   * {@code older} is 0 or equals {@code newer}.
   */
  public static List<Range> consistencyRanges(long older, long newer) {
    if (older < 0 || older > newer) {
      throw new IllegalArgumentException(
          "no consistency proof from size " + older + " to size " + newer);
    }
    List<Range> out = new ArrayList<>();
    if (older > 0 && older < newer) {
      subproof(older, 0, newer, true, out);
    }
    return out;
  }

  private static void subproof(long m, long lo, long hi, boolean whole, List<Range> out) {
    long n = hi - lo;
    if (m == n) {
      if (!whole) {
        out.add(new Range(lo, hi));
      }
      return;
    }
    long k = splitPoint(n);
    if (m <= k) {
      subproof(m, lo, lo + k, whole, out);
      out.add(new Range(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out);
      out.add(new Range(lo, lo + k));
    }
  }

  /** The largest power of two smaller than {@code n} (n >= 2). */
  private static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }

  /**
   * Computes the subtree hash of each of a set of disjoint ranges from one pass over the leaves,
   * in order, holding one {@link Accumulator} at a time: O(log n) memory whatever the tree size.
   */
  public static final class RangeHasher {
    private final List<Range> ranges;
    private final List<Range> byPosition;
    private final Map<Range, byte[]> hashes = new HashMap<>();
    private int current;
    private Accumulator acc = new Accumulator();
    private long position;

    public RangeHasher(List<Range> ranges) {
      this.ranges = List.copyOf(ranges);
      this.byPosition = new ArrayList<>(this.ranges);
      byPosition.sort(Comparator.comparingLong(Range::from));
      for (int i = 1; i < byPosition.size(); i++) {
        if (byPosition.get(i).from() < byPosition.get(i - 1).to()) {
          throw new IllegalArgumentException("ranges overlap: " + byPosition);
        }
      }
    }

    /** The next leaf, at position {@code 0, 1, 2, ...} in turn. */
    public void add(byte[] leafHash) {
      while (current < byPosition.size() && byPosition.get(current).to() <= position) {
        current++;
      }
      if (current < byPosition.size() && byPosition.get(current).from() <= position) {
        Range range = byPosition.get(current);
        acc.add(leafHash);
        if (position == range.to() - 1) {
          hashes.put(range, acc.root());
          acc = new Accumulator();
        }
      }
      position++;
    }

    /** Leaves seen so far. */
    public long size() {
      return position;
    }

    /**
     * The hashes of the ranges, in the order they were given.
     *
     * @throws IllegalStateException when a range reaches past the leaves seen
     */
    public List<byte[]> hashes() {
      List<byte[]> out = new ArrayList<>();
      for (Range r : ranges) {
        byte[] h = hashes.get(r);
        if (h == null) {
          throw new IllegalStateException("leaves " + r.from() + ".." + (r.to() - 1)
              + " were not all seen (only " + position + ")");
        }
        out.add(h);
      }
      return out;
    }
  }

  /**
   * Verifies an inclusion proof (RFC 9162 §2.1.3.2): whether the leaf with hash
   * {@code leafHash} is at {@code index} in the tree of {@code size} leaves whose root is
   * {@code root}.
   */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash,
      List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size || leafHash == null || root == null || path == null) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0 || p == null) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Verifies a consistency proof (RFC 9162 §2.1.4.2): whether the tree of {@code older} leaves
   * with root {@code olderRoot} is a prefix of the tree of {@code newer} leaves with root
   * {@code newerRoot}. Equal sizes need equal roots and an empty proof; an empty older tree is a
   * prefix of every tree.
   */
  public static boolean verifyConsistency(long older, long newer, byte[] olderRoot,
      byte[] newerRoot, List<byte[]> proof) {
    if (older < 0 || older > newer || olderRoot == null || newerRoot == null || proof == null) {
      return false;
    }
    if (older == newer) {
      return proof.isEmpty() && MessageDigest.isEqual(olderRoot, newerRoot);
    }
    if (older == 0) {
      return proof.isEmpty() && MessageDigest.isEqual(olderRoot, emptyRoot());
    }
    if (proof.isEmpty() || proof.contains(null)) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(older) == 1) {
      path.add(0, olderRoot);
    }
    long fn = older - 1;
    long sn = newer - 1;
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
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, olderRoot)
        && MessageDigest.isEqual(sr, newerRoot);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
