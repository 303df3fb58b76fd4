package dev.restock.jpa.reads;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.reads.port.out.MachineReads;
import dev.restock.jpa.tx.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
