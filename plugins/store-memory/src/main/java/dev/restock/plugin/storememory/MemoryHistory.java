package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.audit.port.out.AuditHistory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * History the way Envers keeps it: a unit of work's first audited change opens a revision (who,
 * when, action, why, from where); each entity changed in it gets one entry with its state after
 * the unit (created, modified or deleted). At commit the revision is sealed into a SHA-256 chain
 * over its data, its entries, its audit events and the previous revision's hash, so
 * {@link #verifyChain()} recomputes what was recorded.
 */
final class MemoryHistory implements AuditHistory {
  /** One committed or open revision. Mutable only inside its unit of work, under the write lock. */
  static final class Revision {
    final RevisionInfo info;
    final Map<String, Entry> entries = new LinkedHashMap<>();
    final List<AuditEvent> events = new ArrayList<>();
    String hash;

    Revision(RevisionInfo info) {
      this.info = info;
    }
  }

  /** An entity's state written by one revision. */
  record Entry(Revision revision, AuditedType type, UUID id, RevisionKind kind,
      Map<String, String> state) {
    Entry {
      state = Map.copyOf(state);
    }

    EntityRevision toRevision() {
      return new EntityRevision(revision.info, kind, state);
    }
  }

  private final MemoryDb db;
  private final List<Revision> revisions = new ArrayList<>();
  private final Map<AuditedType, Map<UUID, List<Entry>>> entries = new EnumMap<>(AuditedType.class);
  private long lastNumber;

  MemoryHistory(MemoryDb db) {
    this.db = db;
    for (AuditedType type : AuditedType.values()) {
      entries.put(type, new LinkedHashMap<>());
    }
  }

  /** The current unit's revision, opened on first use. */
  Revision revision() {
    Unit unit = db.writeUnit();
    if (unit.revision == null) {
      AuditContext context = unit.context;
      var actor = context.actor();
      Revision revision = new Revision(new RevisionInfo(++lastNumber, db.now(), actor.userId(),
          context.action(), actor.reason(), actor.clientAddress(), actor.userAgent(),
          actor.correlationId()));
      revisions.add(revision);
      unit.revision = revision;
      unit.onRollback(() -> {
        revisions.remove(revision);
        unit.revision = null;
      });
    }
    return unit.revision;
  }

  /**
   * Records an entity's state in the current revision. A second change of the same entity in one
   * revision replaces the first; a creation stays a creation unless it ends deleted.
   */
  void record(AuditedType type, UUID id, RevisionKind kind, Map<String, String> state) {
    Unit unit = db.writeUnit();
    Revision revision = revision();
    List<Entry> list = entries.get(type).computeIfAbsent(id, k -> new ArrayList<>());
    Entry last = list.isEmpty() ? null : list.get(list.size() - 1);
    String key = type + "/" + id;
    if (last != null && last.revision() == revision) {
      RevisionKind merged = last.kind() == RevisionKind.CREATED && kind != RevisionKind.DELETED
          ? RevisionKind.CREATED : kind;
      Entry replaced = new Entry(revision, type, id, merged, state);
      int at = list.size() - 1;
      list.set(at, replaced);
      revision.entries.put(key, replaced);
      unit.onRollback(() -> list.set(at, last));
    } else {
      Entry added = new Entry(revision, type, id, kind, state);
      list.add(added);
      revision.entries.put(key, added);
      unit.onRollback(() -> list.remove(list.size() - 1));
    }
  }

  /** Adds a domain event to the current revision; it commits or rolls back with it. */
  AuditEvent event(AuditEvent event) {
    Revision revision = revision();
    AuditEvent stored = new AuditEvent(revision.info.number(), event.at(), event.actorId(),
        event.action(), event.resourceType(), event.resourceId(), event.details(),
        event.clientAddress(), event.userAgent(), event.correlationId());
    revision.events.add(stored);
    return stored;
  }

  /** Events of committed revisions (the current unit's own included), in revision order. */
  List<AuditEvent> events() {
    db.unit();
    List<AuditEvent> all = new ArrayList<>();
    revisions.forEach(r -> all.addAll(r.events));
    return all;
  }

  /** The number of the revision that last deleted the entity, 0 when it never was. */
  long lastDeletion(AuditedType type, UUID id) {
    RevisionInfo info = lastDeletions(type, List.of(id)).get(id);
    return info == null ? 0 : info.number();
  }

  /** Seals the unit's revision, if it has one, at the end of the chain. */
  void seal(Unit unit) {
    Revision revision = unit.revision;
    if (revision != null) {
      int at = revisions.indexOf(revision);
      String previous = at == 0 ? "" : revisions.get(at - 1).hash;
      revision.hash = hash(previous, revision);
    }
  }

  private static String hash(String previous, Revision revision) {
    StringBuilder text = new StringBuilder(previous).append('\n').append(revision.info)
        .append('\n');
    revision.entries.values().stream()
        .sorted(Comparator.comparing((Entry e) -> e.type().ordinal())
            .thenComparing(e -> e.id().toString()))
        .forEach(e -> text.append(e.type()).append(' ').append(e.id()).append(' ')
            .append(e.kind()).append(' ').append(new TreeMap<>(e.state())).append('\n'));
    revision.events.forEach(e -> text.append(e.action()).append(' ').append(e.resourceType())
        .append(' ').append(e.resourceId()).append(' ').append(e.at()).append(' ')
        .append(e.actorId()).append(' ').append(new TreeMap<>(e.details())).append(' ')
        .append(e.clientAddress()).append(' ').append(e.userAgent()).append(' ')
        .append(e.correlationId()).append('\n'));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** For tests of the chain: replaces the state of one recorded entry, as tampering would. */
  void tamper(AuditedType type, UUID id, int index, Map<String, String> state) {
    List<Entry> list = entries.get(type).get(id);
    Entry old = list.get(index);
    Entry forged = new Entry(old.revision(), type, id, old.kind(), state);
    list.set(index, forged);
    old.revision().entries.put(type + "/" + id, forged);
  }

  @Override
  public List<EntityRevision> revisions(AuditedType type, UUID id) {
    db.unit();
    List<Entry> list = entries.get(type).getOrDefault(id, List.of());
    return db.counted(list.stream().map(Entry::toRevision).toList(), list.size());
  }

  @Override
  public Map<UUID, RevisionInfo> lastDeletions(AuditedType type, java.util.Collection<UUID> ids) {
    db.unit();
    Map<UUID, RevisionInfo> result = new java.util.HashMap<>();
    for (UUID id : ids) {
      List<Entry> list = entries.get(type).getOrDefault(id, List.of());
      for (int i = list.size() - 1; i >= 0; i--) {
        if (list.get(i).kind() == RevisionKind.DELETED) {
          result.put(id, list.get(i).revision().info);
          break;
        }
      }
    }
    return db.counted(result, result.size());
  }

  @Override
  public Optional<EntityRevision> stateAt(AuditedType type, UUID id, Instant at) {
    return entryAt(type, id, at).map(Entry::toRevision);
  }

  private Optional<Entry> entryAt(AuditedType type, UUID id, Instant at) {
    db.unit();
    Entry found = null;
    for (Entry e : entries.get(type).getOrDefault(id, List.of())) {
      if (e.revision().info.at().isAfter(at)) {
        break;
      }
      found = e;
    }
    return Optional.ofNullable(found);
  }

  /** Live states at {@code at} of every entity of a type whose state satisfies {@code filter}. */
  private List<Entry> liveAt(AuditedType type, Instant at, String field, String value) {
    List<Entry> result = new ArrayList<>();
    for (UUID id : entries.get(type).keySet()) {
      entryAt(type, id, at).filter(e -> e.kind() != RevisionKind.DELETED)
          .filter(e -> value.equals(e.state().get(field))).ifPresent(result::add);
    }
    return result;
  }

  @Override
  public Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at) {
    Optional<Entry> device = entryAt(AuditedType.DEVICE, deviceId, at)
        .filter(e -> e.kind() != RevisionKind.DELETED);
    if (device.isEmpty()) {
      return Optional.empty();
    }
    List<DeviceSnapshot.CabinetState> cabinets = new ArrayList<>();
    for (Entry cabinet : liveAt(AuditedType.CABINET, at, "deviceId", deviceId.toString())) {
      List<DeviceSnapshot.PlanogramState> planograms = new ArrayList<>();
      for (Entry planogram : liveAt(AuditedType.PLANOGRAM, at, "cabinetId",
          cabinet.id().toString())) {
        List<Map<String, String>> slots = liveAt(AuditedType.SLOT, at, "planogramId",
            planogram.id().toString()).stream().map(Entry::state)
            .sorted(Comparator.comparing(m -> m.getOrDefault("position", ""))).toList();
        planograms.add(new DeviceSnapshot.PlanogramState(planogram.id(),
            MemoryStates.withoutSlots(planogram.state()), slots));
      }
      cabinets.add(new DeviceSnapshot.CabinetState(cabinet.id(), cabinet.state(), planograms));
    }
    cabinets.sort(Comparator.comparing(c -> Integer.parseInt(c.cabinet().getOrDefault("index",
        "0"))));
    return Optional.of(new DeviceSnapshot(at, deviceId, device.get().state(), cabinets));
  }

  @Override
  public List<EntityChange> changesBy(UUID actorId, Instant from, Instant to) {
    db.unit();
    List<EntityChange> changes = new ArrayList<>();
    for (Revision r : revisions) {
      Instant at = r.info.at();
      if (r.info.actorId().equals(actorId) && !at.isBefore(from) && at.isBefore(to)) {
        r.entries.values().stream()
            .sorted(Comparator.comparing((Entry e) -> e.type().ordinal())
                .thenComparing(e -> e.id().toString()))
            .forEach(e -> changes.add(new EntityChange(r.info, e.type(), e.id(), e.kind())));
      }
    }
    return db.counted(changes, changes.size());
  }

  @Override
  public ChainVerification verifyChain() {
    db.unit();
    String previous = "";
    long checked = 0;
    for (Revision r : revisions) {
      if (r.hash == null) {
        continue; // the current unit's own revision, sealed at its commit
      }
      checked++;
      if (!hash(previous, r).equals(r.hash)) {
        return new ChainVerification(checked, 0, Optional.of(r.info.number()),
            Optional.of("revision " + r.info.number() + " does not match its hash: its data, "
                + "the rows it wrote or its audit events were changed"));
      }
      previous = r.hash;
    }
    return new ChainVerification(checked, 0, Optional.empty(), Optional.empty());
  }
  @Override
  public dev.restock.api.audit.ChainHead chainHead() {
    throw new UnsupportedOperationException("chain head: being built (issue 13)");
  }

  @Override
  public void chained(long fromSeq, long toSeq,
      java.util.function.Consumer<dev.restock.api.audit.ChainedRevision> each) {
    throw new UnsupportedOperationException("chained revisions: being built (issue 13)");
  }

  @Override
  public void saveCheckpoint(dev.restock.api.audit.Checkpoint checkpoint) {
    throw new UnsupportedOperationException("checkpoints: being built (issue 13)");
  }

  @Override
  public List<dev.restock.api.audit.Checkpoint> checkpoints() {
    throw new UnsupportedOperationException("checkpoints: being built (issue 13)");
  }

  @Override
  public List<dev.restock.api.audit.LiveDrift> liveDrift() {
    throw new UnsupportedOperationException("live drift: being built (issue 13)");
  }
}
