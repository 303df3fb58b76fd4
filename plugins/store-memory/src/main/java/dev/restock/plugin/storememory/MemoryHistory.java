package dev.restock.plugin.storememory;

import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.audit.port.out.AuditHistory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    /** Chain position, previous hash and hash, set at commit; 0/null while open. */
    long seq;
    String previousHash;
    String hash;

    Revision(RevisionInfo info) {
      this.info = info;
    }
  }

  /**
   * An entity's state written by one revision. Personal fields ({@link #PERSONAL}) are hashed
   * into the chain as salted commitments, {@code SHA-256(salt | field | value)}, with the salt
   * kept beside the value: {@code salts} holds the salt of each personal field still readable,
   * {@code sealed} the commitment of each one erased since (its value then reads {@value
   * #ERASED}). Erasing a value thus leaves the chain's content, and every proof over it, as it
   * was, while a changed value (with its salt kept) no longer matches its commitment.
   */
  record Entry(Revision revision, AuditedType type, UUID id, RevisionKind kind,
      Map<String, String> state, Map<String, String> salts, Map<String, String> sealed) {
    Entry {
      state = Map.copyOf(state);
      salts = Map.copyOf(salts);
      sealed = Map.copyOf(sealed);
    }

    Entry(Revision revision, AuditedType type, UUID id, RevisionKind kind,
        Map<String, String> state) {
      this(revision, type, id, kind, state, salts(type, state), Map.of());
    }

    /** The same entry with another state, keeping its salts and commitments (tampering). */
    Entry withState(Map<String, String> forged) {
      return new Entry(revision, type, id, kind, forged, salts, sealed);
    }

    /** The entry with these personal fields replaced by {@value #ERASED}, commitments kept. */
    Entry erase(Set<String> fields) {
      Map<String, String> state = new LinkedHashMap<>(this.state);
      Map<String, String> salts = new LinkedHashMap<>(this.salts);
      Map<String, String> sealed = new LinkedHashMap<>(this.sealed);
      for (String field : fields) {
        String salt = salts.remove(field);
        if (salt != null) {
          sealed.put(field, commitment(salt, field, state.get(field)));
          state.put(field, ERASED);
        }
      }
      return new Entry(revision, type, id, kind, state, salts, sealed);
    }

    /** What the chain hashes for a field: the value, or the commitment of a personal one. */
    String hashed(String field, String value) {
      if (sealed.containsKey(field)) {
        // an erased value reads [erased]; anything else put there breaks the hash
        return "c:" + sealed.get(field) + (ERASED.equals(value) ? "" : " altered " + value);
      }
      String salt = salts.get(field);
      return salt == null ? value : "c:" + commitment(salt, field, value);
    }

    EntityRevision toRevision() {
      return new EntityRevision(revision.info, kind, state);
    }

    private static Map<String, String> salts(AuditedType type, Map<String, String> state) {
      Map<String, String> salts = new LinkedHashMap<>();
      for (String field : PERSONAL.getOrDefault(type, Set.of())) {
        if (state.containsKey(field)) {
          salts.put(field, randomHex(16));
        }
      }
      return salts;
    }
  }

  /** What history shows in place of an erased value. */
  static final String ERASED = "[erased]";

  /** The personal fields of each type, hashed into the chain as salted commitments. */
  static final Map<AuditedType, Set<String>> PERSONAL = Map.of(
      AuditedType.USER, Set.of("email"), AuditedType.LOCATION, Set.of("address"));

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MemoryDb db;
  private final List<Revision> revisions = new ArrayList<>();
  private final Map<AuditedType, Map<UUID, List<Entry>>> entries = new EnumMap<>(AuditedType.class);
  private long lastNumber;
  /** Drawn once per store, as the JPA store's migration draws one per database. */
  private final String genesis = randomHex(32);
  private long headSeq;
  private String headHash = genesis;
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  /** Live states of each audited type's rows that are not deleted, for drift checks. */
  private final Map<AuditedType, Supplier<Map<UUID, Map<String, String>>>> liveStates =
      new EnumMap<>(AuditedType.class);

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
      revision.seq = headSeq + 1;
      revision.previousHash = headSeq == 0 ? genesis : headHash;
      revision.hash = hash(content(revision), revision.previousHash);
      // the last step of a commit: nothing after it can fail and roll the unit back
      headSeq = revision.seq;
      headHash = revision.hash;
    }
  }

  /**
   * The canonical text of a revision: its info, its entries in type and id order, its events in
   * order, one line each. What the hash covers, and the Merkle leaf of the revision.
   */
  private static String content(Revision revision) {
    StringBuilder text = new StringBuilder("R ").append(revision.info);
    revision.entries.values().stream()
        .sorted(Comparator.comparing((Entry e) -> e.type().ordinal())
            .thenComparing(e -> e.id().toString()))
        .forEach(e -> text.append("\nT ").append(e.type()).append(' ').append(e.id())
            .append(' ').append(e.kind()).append(' ').append(hashedState(e)));
    revision.events.forEach(e -> text.append("\nL ").append(e.action()).append(' ')
        .append(e.resourceType()).append(' ').append(e.resourceId()).append(' ').append(e.at())
        .append(' ').append(e.actorId()).append(' ').append(new TreeMap<>(e.details()))
        .append(' ').append(e.clientAddress()).append(' ').append(e.userAgent()).append(' ')
        .append(e.correlationId()));
    return text.toString();
  }

  /** The entry's state as the chain hashes it: personal fields as their commitments. */
  private static Map<String, String> hashedState(Entry e) {
    Map<String, String> hashed = new TreeMap<>();
    e.state().forEach((field, value) -> hashed.put(field, e.hashed(field, value)));
    return hashed;
  }

  private static String commitment(String salt, String field, String value) {
    return sha256(salt + "|" + field + "|" + value);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * Erases these personal fields from every recorded state of one entity: each value reads
   * {@value #ERASED} from now on, and the chain keeps hashing the commitment it hashed before.
   * Undone if the unit rolls back.
   */
  void erase(AuditedType type, UUID id, Set<String> fields) {
    Unit unit = db.writeUnit();
    List<Entry> list = entries.get(type).getOrDefault(id, List.of());
    for (int i = 0; i < list.size(); i++) {
      Entry old = list.get(i);
      Entry erased = old.erase(fields);
      int at = i;
      list.set(at, erased);
      String key = type + "/" + id;
      old.revision().entries.put(key, erased);
      unit.onRollback(() -> {
        list.set(at, old);
        old.revision().entries.put(key, old);
      });
    }
  }

  private static String hash(String content, String previous) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((content + "\nP|" + previous).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** For tests of the chain: replaces the state of one recorded entry, as tampering would. */
  void tamper(AuditedType type, UUID id, int index, Map<String, String> state) {
    List<Entry> list = entries.get(type).get(id);
    Entry old = list.get(index);
    Entry forged = old.withState(state);
    list.set(index, forged);
    old.revision().entries.put(type + "/" + id, forged);
  }

  /** For tests of the chain: removes a committed revision and its entries, as a deletion would. */
  void dropRevision(long number) {
    Revision dropped = revisions.stream().filter(r -> r.info.number() == number).findFirst()
        .orElseThrow();
    revisions.remove(dropped);
    entries.values().forEach(byId -> byId.values()
        .forEach(list -> list.removeIf(e -> e.revision() == dropped)));
  }

  /** For tests of the chain: replaces the details of a revision's events, as an edit would. */
  void tamperEvents(long number, Map<String, String> details) {
    Revision revision = revisions.stream().filter(r -> r.info.number() == number).findFirst()
        .orElseThrow();
    revision.events.replaceAll(e -> new AuditEvent(e.revision(), e.at(), e.actorId(), e.action(),
        e.resourceType(), e.resourceId(), details, e.clientAddress(), e.userAgent(),
        e.correlationId()));
  }

  /** For tests of the chain: moves the head, as an edit of its row would. */
  void moveHead(long seq, String hash) {
    headSeq = seq;
    headHash = hash;
  }

  /** Lets drift checks read the live state of every row of a type that is not deleted. */
  void liveStates(AuditedType type, Supplier<Map<UUID, Map<String, String>>> states) {
    liveStates.put(type, states);
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
    return verifyChain(0, null);
  }

  @Override
  public ChainVerification verifyChain(long afterSeq, String chainHashAtSeq) {
    db.unit();
    if (afterSeq < 0 || (afterSeq > 0 && chainHashAtSeq == null)) {
      throw new IllegalArgumentException("afterSeq must be >= 0, with the chain hash at it");
    }
    List<String> problems = new ArrayList<>();
    Long first = null;
    long checked = 0;
    long expected = 1;
    long lastNumber = 0;
    String previous = genesis;
    for (Revision r : revisions) {
      if (r.hash == null) {
        continue; // the current unit's own revision, sealed at its commit
      }
      long number = r.info.number();
      String problem = null;
      if (r.seq != expected) {
        problem = "revision " + number + ": chain positions " + expected + ".." + (r.seq - 1)
            + " are missing before it: revisions were removed";
      } else if (!previous.equals(r.previousHash)) {
        problem = "revision " + number + ": its link to the previous revision was altered";
      }
      if (r.seq > afterSeq) {
        checked++;
        if (!hash(content(r), r.previousHash).equals(r.hash)) {
          problem = (problem == null ? "" : problem + "; ") + "revision " + number
              + " does not match its hash: its data, the rows it wrote or its audit events "
              + "were changed";
        }
      } else if (r.seq == afterSeq && !r.hash.equals(chainHashAtSeq)) {
        problem = "revision " + number + " at chain position " + afterSeq + " holds hash "
            + r.hash + " but the verified checkpoint records " + chainHashAtSeq;
      }
      if (problem != null) {
        problems.add(problem);
        first = first == null ? number : first;
      }
      previous = r.hash;
      expected = r.seq + 1;
      lastNumber = number;
    }
    long size = expected - 1;
    List<String> late = new ArrayList<>();
    if (afterSeq > size) {
      late.add("the chain ends at position " + size + ", before the verified checkpoint's "
          + "position " + afterSeq + ": the latest revisions were removed");
    }
    if (headSeq != size) {
      late.add("the chain head records " + headSeq + " revisions but the chain ends at position "
          + size);
    }
    if (!headHash.equals(previous)) {
      late.add("the chain head's hash " + headHash + " disagrees with " + (size == 0
          ? "the genesis " : "the hash of revision " + lastNumber + " at position " + size + ", ")
          + previous);
    }
    for (Checkpoint c : checkpoints) {
      String which = "checkpoint at size " + c.size() + " (" + c.time() + ")";
      if (!c.genesis().equals(genesis)) {
        late.add(which + " was made on a chain with genesis " + c.genesis());
      } else if (c.size() > size) {
        late.add(which + " records hash " + c.chainHash() + " but the chain has only " + size
            + " revisions: revisions were removed");
      } else {
        String at = hashAt(c.size());
        if (!c.chainHash().equals(at)) {
          late.add(which + " records hash " + c.chainHash() + ", the chain has " + at
              + " at that position: the chain was rewritten");
        }
      }
    }
    if (!late.isEmpty()) {
      problems.addAll(late);
      first = first == null ? lastNumber : first;
    }
    return db.counted(new ChainVerification(checked, 0, Optional.ofNullable(first),
        Optional.ofNullable(problems.isEmpty() ? null : problems.get(0)), problems),
        revisions.size());
  }

  /** The recorded hash at a chain position (the genesis at 0), or null when none is there. */
  private String hashAt(long seq) {
    if (seq == 0) {
      return genesis;
    }
    return revisions.stream().filter(r -> r.hash != null && r.seq == seq).map(r -> r.hash)
        .findFirst().orElse(null);
  }

  @Override
  public ChainHead chainHead() {
    db.unit();
    return new ChainHead(genesis, 0, headSeq, headHash);
  }

  @Override
  public void chained(long fromSeq, long toSeq, Consumer<ChainedRevision> each) {
    Objects.requireNonNull(each, "each");
    db.unit();
    for (Revision r : revisions) {
      if (r.hash != null && r.seq >= fromSeq && r.seq <= toSeq) {
        each.accept(new ChainedRevision(r.seq, r.info.number(), content(r), r.previousHash,
            r.hash));
      }
    }
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Unit unit = db.writeUnit();
    checkpoints.add(checkpoint);
    unit.onRollback(() -> checkpoints.remove(checkpoint));
    checkpoints.sort(Comparator.comparingLong(Checkpoint::size));
  }

  @Override
  public List<Checkpoint> checkpoints() {
    db.unit();
    return db.counted(List.copyOf(checkpoints), checkpoints.size());
  }

  @Override
  public List<LiveDrift> liveDrift() {
    db.unit();
    List<LiveDrift> drift = new ArrayList<>();
    liveStates.forEach((type, states) -> states.get().forEach((id, live) -> {
      List<Entry> list = entries.get(type).getOrDefault(id, List.of());
      Entry last = list.isEmpty() ? null : list.get(list.size() - 1);
      if (last == null) {
        drift.add(new LiveDrift(type, id, "*", null, null));
      } else if (last.kind() == RevisionKind.DELETED) {
        drift.add(new LiveDrift(type, id, "*", "deleted", null));
      } else {
        Set<String> fields = new TreeSet<>(live.keySet());
        fields.addAll(last.state().keySet());
        for (String field : fields) {
          if (!Objects.equals(live.get(field), last.state().get(field))) {
            drift.add(new LiveDrift(type, id, field, last.state().get(field), live.get(field)));
          }
        }
      }
    }));
    return drift;
  }
}
