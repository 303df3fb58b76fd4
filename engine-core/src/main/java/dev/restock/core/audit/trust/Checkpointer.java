package dev.restock.core.audit.trust;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.error.ConflictException;
import dev.restock.api.spi.AnchorSink;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.api.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes checkpoints of the history chain: the Merkle root over every chained revision, signed
 * when a signer is configured, stored, then published to the anchor sinks.
 *
 * <p>Automatic checkpoints run on one background thread, every {@code everyRevisions} committed
 * writes or every {@code every} period, whichever comes first: a writer only bumps a counter
 * after its commit. The tree is extended from the last checkpoint rather than recomputed; after
 * a restart it is rebuilt in one streaming pass, checking the stored checkpoints on the way.
 * Nothing is signed over a broken chain: the chain after the previous checkpoint is verified
 * first, so tampering is reported, never laundered into a fresh signature.
 *
 * <p>Failures (a broken chain, a store error, a sink that throws) are logged and counted; a sink
 * that failed is sent the checkpoints it missed with the next one.
 */
public final class Checkpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
  private static final HexFormat HEX = HexFormat.of();
  /** Checkpoints kept for a sink that keeps failing; older ones stay in the store only. */
  private static final int MAX_UNSENT = 1000;
  /** The failure-count key for checkpoints that could not be made. */
  public static final String CHECKPOINT_FAILURES = "checkpoint";

  /**
   * How the engine makes checkpoints.
   *
   * @param signer signs each checkpoint; null for unsigned checkpoints
   * @param sinks receive each checkpoint after it is stored
   * @param everyRevisions make one after this many committed writes; 0 for never by count
   * @param every make one after this much time when anything new was chained; null for never
   * @param onClose make one when the engine closes if anything new was chained: for short-lived
   *     hosts such as a command-line tool, which never reach a count or a period
   * @param anchors checkpoints kept outside the database (an anchor file's content): nothing is
   *     signed over a chain that no longer matches one of them, even when the stored checkpoints
   *     were deleted with it
   */
  public record Settings(CheckpointSigner signer, List<AnchorSink> sinks, int everyRevisions,
      Duration every, boolean onClose, List<Checkpoint> anchors) {
    /** Settings without a checkpoint at close and without anchors to respect. */
    public Settings(CheckpointSigner signer, List<AnchorSink> sinks, int everyRevisions,
        Duration every) {
      this(signer, sinks, everyRevisions, every, false, List.of());
    }

    public Settings {
      sinks = List.copyOf(sinks);
      anchors = List.copyOf(anchors);
      if (everyRevisions < 0) {
        throw new IllegalArgumentException("everyRevisions must be >= 0, was " + everyRevisions);
      }
      if (every != null && (every.isNegative() || every.isZero())) {
        throw new IllegalArgumentException("the checkpoint period must be positive, was " + every);
      }
    }

    /** No automatic checkpoints, no signer, no sinks. */
    public static Settings manual() {
      return new Settings(null, List.of(), 0, null);
    }

    boolean automatic() {
      return everyRevisions > 0 || every != null;
    }
  }

  private final Store store;
  private final Clock clock;
  private final Settings settings;
  private final ScheduledExecutorService executor;
  private final AtomicLong sinceLast = new AtomicLong();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final Map<String, Deque<Checkpoint>> unsent = new HashMap<>();
  // the tree at the newest checkpoint this object made or checked, to extend it next time
  private MerkleTree.Accumulator tree;
  private String treeGenesis;

  public Checkpointer(Settings settings, Store store, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    failures.put(CHECKPOINT_FAILURES, new AtomicLong());
    for (AnchorSink sink : settings.sinks()) {
      if (failures.putIfAbsent(sink.id(), new AtomicLong()) != null) {
        throw new IllegalStateException("two anchor sinks have the id '" + sink.id() + "'");
      }
      unsent.put(sink.id(), new ArrayDeque<>());
    }
    if (settings.automatic()) {
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "restock-checkpoint");
        t.setDaemon(true);
        return t;
      });
      pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      this.executor = pool;
      if (settings.every() != null) {
        long millis = settings.every().toMillis();
        pool.scheduleWithFixedDelay(this::background, millis, millis, TimeUnit.MILLISECONDS);
      }
    } else {
      this.executor = null;
    }
  }

  /** Whether a committed write has to call {@link #committed()}. */
  public boolean automatic() {
    return executor != null && settings.everyRevisions() > 0;
  }

  /** The signer, or null when checkpoints are unsigned. */
  public CheckpointSigner signer() {
    return settings.signer();
  }

  /**
   * Called after a write committed: counts it and, every {@code everyRevisions}, queues one
   * checkpoint on the background thread. Never blocks and never throws.
   */
  public void committed() {
    if (executor == null || settings.everyRevisions() == 0) {
      return;
    }
    if (sinceLast.incrementAndGet() >= settings.everyRevisions()
        && queued.compareAndSet(false, true)) {
      sinceLast.set(0);
      try {
        executor.execute(this::background);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false); // closing: the final state is checkpointed by whoever closes
      }
    }
  }

  private void background() {
    try {
      checkpointIfNew();
    } catch (RuntimeException e) {
      long n = failures.get(CHECKPOINT_FAILURES).incrementAndGet();
      LOG.error("automatic checkpoint failed (failure {}): {}", n, e.getMessage());
      LOG.debug("checkpoint failure", e);
    } finally {
      queued.set(false);
    }
  }

  /** Failures since the engine started: {@value #CHECKPOINT_FAILURES}, then per sink id. */
  public Map<String, Long> failures() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(CHECKPOINT_FAILURES, failures.get(CHECKPOINT_FAILURES).get());
    settings.sinks().forEach(s -> out.put(s.id(), failures.get(s.id()).get()));
    return out;
  }

  /** A checkpoint when revisions were chained since the newest one (or since the start). */
  synchronized void checkpointIfNew() {
    ChainHead head = store.transactions().read(store.history()::chainHead);
    long newest = store.transactions().read(store.history()::checkpoints).stream()
        .filter(c -> c.genesis().equals(head.genesis())).mapToLong(Checkpoint::size).max()
        .orElse(0);
    if (head.size() > newest) {
      checkpointNow();
    }
  }

  /**
   * Makes a checkpoint of the whole chain now, or returns the newest one when nothing was chained
   * since (and it is signed, or there is no signer).
   *
   * @throws ConflictException when the chain after the previous checkpoint is broken, or the
   *     stored chain no longer matches a stored checkpoint
   */
  public synchronized Checkpoint checkpointNow() {
    AuditHistory history = store.history();
    ChainHead head = store.transactions().read(history::chainHead);
    List<Checkpoint> stored = store.transactions().read(history::checkpoints).stream()
        .filter(c -> c.genesis().equals(head.genesis())).toList();
    Checkpoint last = stored.isEmpty() ? null : stored.get(stored.size() - 1);
    if (tree != null && head.genesis().equals(treeGenesis)
        && (last == null || last.size() < tree.size())) {
      throw new ConflictException("the checkpoint of " + tree.size() + " revisions this engine "
          + "made is gone from the store; refusing to checkpoint (run audit verify)");
    }
    for (Checkpoint anchor : settings.anchors()) {
      if (!anchor.genesis().equals(head.genesis()) || anchor.size() > head.size()) {
        throw new ConflictException("the chain (" + head.size() + " revisions) does not extend "
            + "the anchored checkpoint of " + anchor.size() + " (" + anchor.time() + "); "
            + "refusing to checkpoint (run audit verify)");
      }
    }
    if (last != null && last.size() > head.size()) {
      throw new ConflictException("the chain holds " + head.size() + " revisions but a "
          + "checkpoint covers " + last.size() + ": revisions were removed; refusing to "
          + "checkpoint (run audit verify)");
    }
    if (last != null && last.size() == head.size()
        && (last.signed() || settings.signer() == null)) {
      return last;
    }
    ChainVerification chain = store.transactions().read(() -> last == null
        ? history.verifyChain() : history.verifyChain(last.size(), last.chainHash()));
    if (!chain.intact()) {
      throw new ConflictException("refusing to checkpoint a broken chain: revision "
          + chain.firstBroken().orElse(0L) + ": " + chain.problem().orElse("broken"));
    }
    MerkleTree.Accumulator start = extendable(head, last);
    Map<Long, List<Checkpoint>> bySize = new HashMap<>();
    stored.forEach(c -> bySize.computeIfAbsent(c.size(), k -> new ArrayList<>()).add(c));
    settings.anchors()
        .forEach(c -> bySize.computeIfAbsent(c.size(), k -> new ArrayList<>()).add(c));
    String[] lastHash = {head.genesis()};
    String[] problem = {null};
    long from = start.size() + 1;
    // the accumulator and the findings are made inside the read unit: a store may run a read
    // unit again (a replica failing mid-read), and the rerun must not find the first run's leaves
    MerkleTree.Accumulator acc = store.transactions().read(() -> {
      MerkleTree.Accumulator leaves = start.copy();
      lastHash[0] = head.genesis();
      problem[0] = null;
      history.chained(from, head.size(), r -> {
        if (problem[0] != null) {
          return;
        }
        if (r.seq() != leaves.size() + 1) {
          problem[0] = "chain position " + (leaves.size() + 1) + " is missing";
          return;
        }
        leaves.add(MerkleTree.leafHash(r.leafData()));
        lastHash[0] = r.hash();
        for (Checkpoint c : bySize.getOrDefault(leaves.size(), List.of())) {
          if (problem[0] == null && !HEX.formatHex(leaves.root()).equals(c.rootHash())) {
            problem[0] = "the first " + leaves.size() + " revisions no longer match the checkpoint "
                + "of " + c.time();
          }
        }
      });
      return leaves;
    });
    if (problem[0] == null && acc.size() != head.size()) {
      problem[0] = "the head records " + head.size() + " revisions but " + acc.size()
          + " are chained";
    }
    if (problem[0] == null && from <= head.size() && !lastHash[0].equals(head.hash())) {
      problem[0] = "the head's hash is not the newest revision's";
    }
    if (problem[0] != null) {
      throw new ConflictException("refusing to checkpoint: " + problem[0] + " (run audit verify)");
    }
    Checkpoint checkpoint = new Checkpoint(head.genesis(), head.size(),
        HEX.formatHex(acc.root()), head.hash(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
        null, null);
    CheckpointSigner signer = settings.signer();
    if (signer != null) {
      checkpoint = checkpoint.withSignature(signer.keyId(),
          Base64.getEncoder().encodeToString(signer.sign(checkpoint.signedBytes())));
    }
    Checkpoint made = checkpoint;
    store.transactions().writeVoid(new AuditContext(Actor.system(), "audit.checkpoint"),
        () -> history.saveCheckpoint(made));
    tree = acc;
    treeGenesis = head.genesis();
    publish(made);
    LOG.info("checkpoint of {} revisions, root {}{}", made.size(), made.rootHash(),
        made.signed() ? ", signed by " + made.keyId() : ", unsigned");
    return made;
  }

  /** The tree at {@code last} when this object made or checked it, else an empty one. */
  private MerkleTree.Accumulator extendable(ChainHead head, Checkpoint last) {
    if (tree != null && last != null && head.genesis().equals(treeGenesis)
        && tree.size() == last.size() && HEX.formatHex(tree.root()).equals(last.rootHash())) {
      return tree.copy();
    }
    return new MerkleTree.Accumulator();
  }

  private void publish(Checkpoint checkpoint) {
    for (AnchorSink sink : settings.sinks()) {
      Deque<Checkpoint> queue = unsent.get(sink.id());
      queue.addLast(checkpoint);
      while (queue.size() > MAX_UNSENT) {
        Checkpoint dropped = queue.removeFirst();
        LOG.error("anchor sink '{}' missed the checkpoint of size {}; it stays in the store "
            + "(export it with audit export-checkpoints)", sink.id(), dropped.size());
      }
      while (!queue.isEmpty()) {
        try {
          sink.publish(queue.peekFirst());
          queue.removeFirst();
        } catch (Exception | LinkageError e) {
          long n = failures.get(sink.id()).incrementAndGet();
          LOG.error("anchor sink '{}' failed on the checkpoint of size {} (failure {}): {}; it "
              + "is stored and will be sent again with the next one", sink.id(),
              queue.peekFirst().size(), n, e.toString());
          break;
        }
      }
    }
  }

  /**
   * Stops the background thread, letting a checkpoint under way finish; then, when configured,
   * makes a last checkpoint of what was chained since (a failure is logged and counted).
   */
  @Override
  public void close() {
    closeExecutor();
    if (settings.onClose()) {
      try {
        checkpointIfNew();
      } catch (RuntimeException e) {
        long n = failures.get(CHECKPOINT_FAILURES).incrementAndGet();
        LOG.error("checkpoint at close failed (failure {}): {}", n, e.getMessage());
        LOG.debug("checkpoint failure", e);
      }
    }
  }

  private void closeExecutor() {
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
