package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * Evidence that a newer checkpoint's history extends an older one's without changing or removing
 * anything (RFC 9162 §2.1.4): the first {@code older.size()} revisions are the same in both.
 *
 * @param older the checkpoint of the smaller tree
 * @param newer the checkpoint of the larger (or equal) tree
 * @param path hex subtree hashes of the consistency proof, in RFC 9162 order
 */
@Experimental(since = "0.1")
public record ConsistencyProof(Checkpoint older, Checkpoint newer, List<String> path) {
  public ConsistencyProof {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    path = List.copyOf(path);
  }
}
