package dev.restock.jpa.reads;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.reads.port.out.MachineReads;
import dev.restock.jpa.tx.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Machine reads in the JPA store: a read and its selections are written in two statements (the
 * selections batched), and any number of reads is found in two: the reads, then the selections
 * of all of them by the same condition, never one query per read. Same-time reads are ordered by
 * the append sequence.
 */
public final class JpaMachineReads implements MachineReads {
  private static final String ORDER = " order by r.readAt, r.seq";

  @Override
  public void append(StoredRead read) {
    Objects.requireNonNull(read, "read");
    StoredRead kept = toTheCent(read);
    UnitOfWork.requireWrite();
    Session session = UnitOfWork.currentSession();
    session.persist(new MachineReadEntity(kept));
    List<SelectionCounter> selections = kept.selections();
    for (int i = 0; i < selections.size(); i++) {
      session.persist(new MachineReadSelectionEntity(kept.id(), i, selections.get(i)));
    }
    session.flush();
  }

  /** All reads and their selections in one flush: each table's rows go in JDBC batches. */
  @Override
  public void appendAll(List<StoredRead> reads) {
    List<StoredRead> kept = reads.stream().map(r -> toTheCent(Objects.requireNonNull(r, "read")))
        .toList();
    UnitOfWork.requireWrite();
    Session session = UnitOfWork.currentSession();
    for (StoredRead read : kept) {
      session.persist(new MachineReadEntity(read));
    }
    for (StoredRead read : kept) {
      List<SelectionCounter> selections = read.selections();
      for (int i = 0; i < selections.size(); i++) {
        session.persist(new MachineReadSelectionEntity(read.id(), i, selections.get(i)));
      }
    }
    session.flush();
  }

  @Override
  public Set<String> storedHashes(Collection<String> contentHashes) {
    Set<String> stored = new HashSet<>();
    for (List<String> chunk : chunks(contentHashes)) {
      stored.addAll(UnitOfWork.currentSession().createSelectionQuery(
              "select distinct r.contentHash from MachineReadEntity r where r.contentHash in :h",
              String.class)
          .setParameter("h", chunk).getResultList());
    }
    return stored;
  }

  /**
   * The reads no other read of the same device follows (later, or as late and appended after),
   * then their selections: two statements per thousand devices.
   */
  @Override
  public Map<UUID, StoredRead> latestOf(Collection<UUID> deviceIds) {
    Session session = UnitOfWork.currentSession();
    Map<UUID, StoredRead> latest = new HashMap<>();
    for (List<UUID> chunk : chunks(deviceIds)) {
      List<MachineReadEntity> reads = session.createSelectionQuery(
              "from MachineReadEntity r where r.deviceId in :d and not exists (select 1 from"
                  + " MachineReadEntity o where o.deviceId = r.deviceId and (o.readAt > r.readAt"
                  + " or (o.readAt = r.readAt and o.seq > r.seq)))", MachineReadEntity.class)
          .setParameter("d", chunk).getResultList();
      if (reads.isEmpty()) {
        continue;
      }
      Map<UUID, List<SelectionCounter>> byRead = new HashMap<>();
      session.createSelectionQuery("from MachineReadSelectionEntity s where s.key.readId in :r"
                  + " order by s.key.readId, s.key.ordinal", MachineReadSelectionEntity.class)
          .setParameter("r", reads.stream().map(MachineReadEntity::id).toList()).getResultList()
          .forEach(s -> byRead.computeIfAbsent(s.readId(), id -> new ArrayList<>())
              .add(s.toDomain()));
      for (MachineReadEntity read : reads) {
        StoredRead domain = read.toDomain(byRead.getOrDefault(read.id(), List.of()));
        latest.put(domain.deviceId(), domain);
      }
    }
    return latest;
  }

  /** At most a thousand values per IN list, within every database's limit on parameters. */
  private static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> all = List.copyOf(new java.util.LinkedHashSet<>(values));
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 1000) {
      chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
    }
    return chunks;
  }

  @Override
  public boolean containsHash(String contentHash) {
    return !UnitOfWork.currentSession().createSelectionQuery(
            "select 1 from MachineReadEntity r where r.contentHash = :h", Integer.class)
        .setParameter("h", contentHash).setMaxResults(1).getResultList().isEmpty();
  }

  @Override
  public Optional<StoredRead> latestFor(UUID deviceId) {
    Session session = UnitOfWork.currentSession();
    List<MachineReadEntity> latest = session.createSelectionQuery(
            "from MachineReadEntity r where r.deviceId = :d order by r.readAt desc, r.seq desc",
            MachineReadEntity.class)
        .setParameter("d", deviceId).setMaxResults(1).getResultList();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    MachineReadEntity read = latest.get(0);
    List<MachineReadSelectionEntity> selections = session.createSelectionQuery(
            "from MachineReadSelectionEntity s where s.key.readId = :r order by s.key.ordinal",
            MachineReadSelectionEntity.class)
        .setParameter("r", read.id()).getResultList();
    return Optional.of(read.toDomain(selections.stream()
        .map(MachineReadSelectionEntity::toDomain).toList()));
  }

  @Override
  public List<StoredRead> between(UUID deviceId, Instant since, Instant until) {
    Session session = UnitOfWork.currentSession();
    String where = " where r.readAt >= :since and r.readAt < :until"
        + (deviceId == null ? "" : " and r.deviceId = :d");
    var reads = session.createSelectionQuery("from MachineReadEntity r" + where + ORDER,
        MachineReadEntity.class).setParameter("since", since).setParameter("until", until);
    // the selections of the same reads by the same condition: no list of ids to bind, however
    // many reads there are
    var selections = session.createSelectionQuery("select s from MachineReadSelectionEntity s,"
            + " MachineReadEntity r" + where + " and s.key.readId = r.id"
            + " order by s.key.readId, s.key.ordinal", MachineReadSelectionEntity.class)
        .setParameter("since", since).setParameter("until", until);
    if (deviceId != null) {
      reads.setParameter("d", deviceId);
      selections.setParameter("d", deviceId);
    }
    List<MachineReadEntity> found = reads.getResultList();
    if (found.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<SelectionCounter>> byRead = new HashMap<>();
    for (MachineReadSelectionEntity s : selections.getResultList()) {
      byRead.computeIfAbsent(s.readId(), id -> new ArrayList<>()).add(s.toDomain());
    }
    return found.stream().map(r -> r.toDomain(byRead.getOrDefault(r.id(), List.of()))).toList();
  }

  /** The read with every amount at two places, or the refusal of an amount that cannot be. */
  private static StoredRead toTheCent(StoredRead r) {
    CashCounters c = r.cash();
    List<SelectionCounter> selections = new ArrayList<>();
    for (SelectionCounter s : r.selections()) {
      selections.add(new SelectionCounter(s.selection(), Money.checked(s.price(), "price"),
          s.vends(), Money.checked(s.value(), "value"), s.line()));
    }
    return new StoredRead(r.id(), r.deviceId(), r.machineSerial(), r.contentHash(),
        r.sourceName(), r.readAt(), selections,
        new CashCounters(Money.checked(c.cashSales(), "cashSales"), c.cashVends(),
            Money.checked(c.cashIn(), "cashIn"), Money.checked(c.cashOut(), "cashOut"),
            Money.checked(c.tubeContents(), "tubeContents"),
            Money.checked(c.cashlessSales(), "cashlessSales"), c.cashlessVends(),
            Money.checked(c.totalSales(), "totalSales"), c.totalVends()),
        r.baseline(), r.unitsVended(),
        Money.checked(Objects.requireNonNull(r.vendValue(), "vendValue"), "vendValue"),
        Money.checked(r.cashDelta(), "cashDelta"),
        Money.checked(r.cashlessDelta(), "cashlessDelta"), r.importedAt(), r.importedBy());
  }
}
