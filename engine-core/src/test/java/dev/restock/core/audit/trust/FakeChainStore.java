package dev.restock.core.audit.trust;

import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.spi.Store;
import dev.restock.api.tx.TransactionBoundary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A store holding only a history chain, as a table writer could edit it: revisions, head and
 * checkpoints are plain lists the tests rewrite. Its chain hash is SHA-256 over content and the
 * previous hash, like the real stores'; verifyChain checks links, hashes and the head.
 */
public final class FakeChainStore implements Store {
  public static final String GENESIS = "9".repeat(64);

  public final List<ChainedRevision> revisions = new CopyOnWriteArrayList<>();
  final List<Checkpoint> checkpoints = new CopyOnWriteArrayList<>();
  final List<LiveDrift> drift = new CopyOnWriteArrayList<>();
  final AtomicInteger chainedReads = new AtomicInteger();
  public ChainHead head = new ChainHead(GENESIS, 0, 0, GENESIS);
  private final List<Runnable> afterCommit = new ArrayList<>();

  /** Appends a revision as the engine would: content, link and head. */
  public synchronized ChainedRevision append(String text) {
    long seq = revisions.size() + 1;
    long id = 100 + seq;
    String content = "R|" + Long.toString(id).length() + ":" + id + "|" + text;
    ChainedRevision r = new ChainedRevision(seq, id, content, head.hash(),
        hash(content, head.hash()));
    revisions.add(r);
    head = new ChainHead(GENESIS, 0, seq, r.hash());
    return r;
  }

  /** What a script with table access does: rewrite every hash from the first revision on. */
  synchronized void recomputeEverything() {
    List<ChainedRevision> old = new ArrayList<>(revisions);
    revisions.clear();
    String previous = GENESIS;
    for (int i = 0; i < old.size(); i++) {
      ChainedRevision r = old.get(i);
      ChainedRevision fixed = new ChainedRevision(i + 1, r.revisionId(), r.content(), previous,
          hash(r.content(), previous));
      revisions.add(fixed);
      previous = fixed.hash();
    }
    head = new ChainHead(GENESIS, 0, revisions.size(), previous);
  }

  static String hash(String content, String previous) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((content + "\nP|" + previous).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private final AuditHistory history = new AuditHistory() {
    @Override
    public ChainHead chainHead() {
      return head;
    }

    @Override
    public void chained(long fromSeq, long toSeq, Consumer<ChainedRevision> each) {
      chainedReads.incrementAndGet();
      for (ChainedRevision r : revisions) {
        if (r.seq() >= fromSeq && r.seq() <= toSeq) {
          each.accept(r);
        }
      }
    }

    @Override
    public ChainVerification verifyChain() {
      String previous = GENESIS;
      long checked = 0;
      for (ChainedRevision r : revisions) {
        if (r.seq() != checked + 1) {
          return broken(checked, r, "a gap before it");
        }
        if (!r.previousHash().equals(previous) || !hash(r.content(), previous).equals(r.hash())) {
          return broken(checked, r, "its hash does not match");
        }
        previous = r.hash();
        checked++;
      }
      if (head.size() != checked || !head.hash().equals(previous)) {
        return new ChainVerification(checked, 0, Optional.of(checked),
            Optional.of("the head disagrees"));
      }
      return new ChainVerification(checked, 0, Optional.empty(), Optional.empty());
    }

    private ChainVerification broken(long checked, ChainedRevision r, String problem) {
      return new ChainVerification(checked, 0, Optional.of(r.revisionId()),
          Optional.of(problem));
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
      checkpoints.add(checkpoint);
    }

    @Override
    public List<Checkpoint> checkpoints() {
      return List.copyOf(checkpoints);
    }

    @Override
    public List<LiveDrift> liveDrift() {
      return List.copyOf(drift);
    }

    @Override
    public List<EntityRevision> revisions(AuditedType type, UUID id) {
      throw unused();
    }

    @Override
    public Optional<EntityRevision> stateAt(AuditedType type, UUID id, Instant at) {
      throw unused();
    }

    @Override
    public Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at) {
      throw unused();
    }

    @Override
    public List<EntityChange> changesBy(UUID actorId, Instant from, Instant to) {
      throw unused();
    }
  };

  private final TransactionBoundary tx = new TransactionBoundary() {
    @Override
    public <T> T write(AuditContext context, Supplier<T> work) {
      T result = work.get();
      List<Runnable> after;
      synchronized (afterCommit) {
        after = new ArrayList<>(afterCommit);
        afterCommit.clear();
      }
      after.forEach(Runnable::run);
      return result;
    }

    @Override
    public <T> T read(Supplier<T> work) {
      return work.get();
    }

    @Override
    public void afterCommit(Runnable action) {
      synchronized (afterCommit) {
        afterCommit.add(action);
      }
    }
  };

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("the fake chain store has only a history chain");
  }

  @Override public String description() { return "fake-chain"; }
  @Override public TransactionBoundary transactions() { return tx; }
  @Override public AuditHistory history() { return history; }
  @Override public dev.restock.api.catalog.port.out.Products products() { throw unused(); }
  @Override public dev.restock.api.fleet.port.out.Locations locations() { throw unused(); }
  @Override public dev.restock.api.fleet.port.out.Routes routes() { throw unused(); }
  @Override public dev.restock.api.fleet.port.out.DeviceTypes deviceTypes() { throw unused(); }
  @Override public dev.restock.api.fleet.port.out.CabinetTypes cabinetTypes() { throw unused(); }
  @Override public dev.restock.api.fleet.port.out.Devices devices() { throw unused(); }
  @Override public dev.restock.api.planogram.port.out.Planograms planograms() { throw unused(); }
  @Override public dev.restock.api.user.port.out.Users users() { throw unused(); }
  @Override public dev.restock.api.planogram.port.out.SalesLedger sales() { throw unused(); }
  @Override public dev.restock.api.reads.port.out.MachineReads machineReads() { throw unused(); }
  @Override public dev.restock.api.ops.Health health() { throw unused(); }
  @Override public dev.restock.api.ops.Statistics statistics() { throw unused(); }
  @Override public dev.restock.api.report.port.out.ReportQueries reports() { throw unused(); }
  @Override public dev.restock.api.audit.port.out.AuditLog auditLog() { throw unused(); }
  @Override public dev.restock.api.serviceorder.port.out.ServiceOrderStore serviceOrders() { throw unused(); }
  @Override public dev.restock.api.serviceorder.port.out.NumberSeries numberSeries() { throw unused(); }
  @Override public dev.restock.api.stock.port.out.StockLevels stock() { throw unused(); }
  @Override public dev.restock.api.stock.port.out.DeliveryNotes deliveryNotes() { throw unused(); }
  @Override public void close() {}
}
