package dev.restock.core.audit.trust;

import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.port.out.AuditHistory;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies history against what a writer of every table cannot forge: signatures made with a
 * key outside the database, and checkpoints anchored outside it. Call inside one read-only unit
 * of work. One streaming pass over the chain, in memory that grows with the number of
 * checkpoints, not of revisions.
 */
public final class IntegrityVerifier {
  private static final HexFormat HEX = HexFormat.of();

  /** One checkpoint to hold the chain against, stored or anchored. */
  private record Target(String source, Checkpoint checkpoint) {}

  private IntegrityVerifier() {}

  public static IntegrityReport verify(AuditHistory history, IntegrityCheck check) {
    ChainHead head = history.chainHead();
    List<Checkpoint> stored = history.checkpoints();
    Optional<PublicKey> key = check.publicKey();
    List<String> breaks = new ArrayList<>();
    List<String> limits = new ArrayList<>();
    long signatures = 0;

    List<Target> targets = new ArrayList<>();
    for (Checkpoint c : stored) {
      targets.add(new Target("stored checkpoint", c));
    }
    for (Checkpoint c : check.anchors()) {
      targets.add(new Target("anchored checkpoint", c));
    }
    Checkpoint newestSigned = null;
    long unsignedAnchors = 0;
    for (Target t : targets) {
      Checkpoint c = t.checkpoint();
      if (!c.genesis().equals(head.genesis())) {
        breaks.add(describe(t) + " belongs to a chain with another genesis (" + c.genesis()
            + ", the store's is " + head.genesis() + "): the chain was reset or replaced");
      }
      if (c.size() > head.size()) {
        breaks.add(describe(t) + " covers " + c.size() + " revisions but the chain holds only "
            + head.size() + ": revisions were removed or the chain was truncated");
      }
      if (key.isPresent() && c.signed()) {
        List<String> problems = ProofChecker.signatureProblems(c, key.get());
        if (problems.isEmpty()) {
          signatures++;
          if (newestSigned == null || c.size() > newestSigned.size()) {
            newestSigned = c;
          }
        } else {
          problems.forEach(p -> breaks.add(t.source() + ": " + p));
        }
      } else if (!c.signed() && t.source().startsWith("anchored")) {
        unsignedAnchors++;
      }
    }

    // a checkpoint whose signature holds vouches for everything up to it, so the store's walk
    // needs to recompute hashes only after it; the Merkle pass below still covers all content
    ChainVerification chain = newestSigned != null && newestSigned.size() <= head.size()
        && newestSigned.genesis().equals(head.genesis())
        ? history.verifyChain(newestSigned.size(), newestSigned.chainHash())
        : history.verifyChain();

    Map<Long, List<Target>> bySize = new HashMap<>();
    for (Target t : targets) {
      if (t.checkpoint().size() <= head.size() && t.checkpoint().genesis().equals(head.genesis())) {
        bySize.computeIfAbsent(t.checkpoint().size(), s -> new ArrayList<>()).add(t);
      }
    }
    MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
    checkAt(bySize, 0, acc, head.genesis(), breaks);
    String[] previous = {head.genesis()};
    String[] linkProblem = {null};
    history.chained(1, head.size(), r -> {
      if (linkProblem[0] == null && r.seq() != acc.size() + 1) {
        linkProblem[0] = "chain position " + (acc.size() + 1) + " is missing (next found: "
            + r.seq() + ")";
      }
      if (linkProblem[0] == null && !previous[0].equals(r.previousHash())) {
        linkProblem[0] = "revision " + r.revisionId() + " at position " + r.seq()
            + " does not link to the revision before it";
      }
      acc.add(MerkleTree.leafHash(r.leafData()));
      previous[0] = r.hash();
      checkAt(bySize, acc.size(), acc, r.hash(), breaks);
    });
    if (linkProblem[0] != null) {
      breaks.add(linkProblem[0]);
    }
    if (acc.size() != head.size()) {
      breaks.add("the chain head records " + head.size() + " revisions but " + acc.size()
          + " chained revisions were found");
    } else if (!previous[0].equals(head.hash())) {
      breaks.add("the chain head's hash is not the newest revision's hash");
    }

    long anchorsChecked = check.anchors().size();
    if (key.isEmpty()) {
      limits.add("no public key: the chain is internally consistent, but anyone able to write "
          + "every table could have recomputed it and its checkpoints; signatures were not "
          + "checked");
    } else if (newestSigned == null) {
      limits.add("no checkpoint is signed by the given key: nothing here is vouched for by it");
    } else if (newestSigned.size() < head.size()) {
      limits.add("revisions " + (newestSigned.size() + 1) + ".." + head.size() + " are newer "
          + "than the newest signed checkpoint: only the chain's own hashes vouch for them");
    }
    if (check.anchors().isEmpty()) {
      limits.add("no anchors: a chain truncated or rewritten together with its stored "
          + "checkpoints cannot be told from the original; give the checkpoints kept outside "
          + "the database");
    } else {
      long newestAnchor = check.anchors().stream().mapToLong(Checkpoint::size).max().orElse(0);
      if (newestAnchor < head.size()) {
        limits.add("revisions " + (newestAnchor + 1) + ".." + head.size() + " are newer than "
            + "the newest anchor");
      }
      if (unsignedAnchors > 0 && key.isPresent()) {
        limits.add(unsignedAnchors + " anchored checkpoint(s) are unsigned: they hold only as "
            + "long as the anchor file itself is trusted");
      }
    }
    List<LiveDrift> drift = check.live() ? history.liveDrift() : List.of();
    return new IntegrityReport(chain, head, stored.size(), signatures, anchorsChecked, breaks,
        limits, drift);
  }

  private static void checkAt(Map<Long, List<Target>> bySize, long size,
      MerkleTree.Accumulator acc, String chainHash, List<String> breaks) {
    List<Target> due = bySize.remove(size);
    if (due == null) {
      return;
    }
    String root = HEX.formatHex(acc.root());
    for (Target t : due) {
      if (!root.equals(t.checkpoint().rootHash())) {
        breaks.add(describe(t) + ": the first " + size + " revisions no longer have its Merkle "
            + "root; revisions up to it were altered, removed or rewritten");
      } else if (!chainHash.equals(t.checkpoint().chainHash())) {
        breaks.add(describe(t) + ": revision " + size + " no longer carries its chain hash");
      }
    }
  }

  private static String describe(Target t) {
    Checkpoint c = t.checkpoint();
    return t.source() + " of size " + c.size() + " (" + c.time() + ")";
  }
}
