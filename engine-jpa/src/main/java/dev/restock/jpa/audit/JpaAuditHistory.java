package dev.restock.jpa.audit;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.jpa.catalog.ProductEntity;
import dev.restock.jpa.fleet.CabinetEntity;
import dev.restock.jpa.fleet.CabinetTypeEntity;
import dev.restock.jpa.fleet.DeviceEntity;
import dev.restock.jpa.fleet.DeviceTypeEntity;
import dev.restock.jpa.fleet.LocationEntity;
import dev.restock.jpa.fleet.RouteEntity;
import dev.restock.jpa.planogram.PlanogramEntity;
import dev.restock.jpa.planogram.SlotEntity;
import dev.restock.jpa.mapping.BaseEntity;
import dev.restock.jpa.serviceorder.OrderHistory;
import dev.restock.jpa.tx.UnitOfWork;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.LiveDrift;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;
import org.hibernate.Session;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.jpa.crypto.FieldCrypto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import org.hibernate.envers.AuditReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/** History read from the Envers audit tables. */
public final class JpaAuditHistory implements AuditHistory {
  private record Mapping(Class<?> entity, Function<Object, Map<String, String>> state) {}

  private static final Map<AuditedType, Mapping> MAPPINGS = new EnumMap<>(AuditedType.class);

  static {
    Function<Object, Map<String, String>> base = e -> ((BaseEntity) e).auditState();
    MAPPINGS.put(AuditedType.PRODUCT, new Mapping(ProductEntity.class, base));
    MAPPINGS.put(AuditedType.LOCATION, new Mapping(LocationEntity.class, base));
    MAPPINGS.put(AuditedType.ROUTE, new Mapping(RouteEntity.class, base));
    MAPPINGS.put(AuditedType.DEVICE_TYPE, new Mapping(DeviceTypeEntity.class, base));
    MAPPINGS.put(AuditedType.CABINET_TYPE, new Mapping(CabinetTypeEntity.class, base));
    MAPPINGS.put(AuditedType.DEVICE, new Mapping(DeviceEntity.class, base));
    MAPPINGS.put(AuditedType.PLANOGRAM,
        new Mapping(PlanogramEntity.class, e -> ((PlanogramEntity) e).historyState()));
    MAPPINGS.put(AuditedType.USER, new Mapping(dev.restock.jpa.user.UserEntity.class, base));
    // the order's own fields; its visits and lines are added by OrderHistory
    MAPPINGS.put(AuditedType.SERVICE_ORDER,
        new Mapping(dev.restock.jpa.serviceorder.ServiceOrderEntity.class, base));
    MAPPINGS.put(AuditedType.STOCK, new Mapping(dev.restock.jpa.stock.StockEntity.class, base));
    MAPPINGS.put(AuditedType.CABINET,
        new Mapping(CabinetEntity.class, e -> ((CabinetEntity) e).auditState()));
    MAPPINGS.put(AuditedType.SLOT,
        new Mapping(SlotEntity.class, e -> ((SlotEntity) e).auditState()));
  }

  /**
   * Audit tables written row by row under schema versions 2 to 6, from their mapping.
   * {@code order_line_aud} stays although order lines are no longer audited one by one (version
   * 7): revisions sealed before hold rows there, which their chain hashes cover.
   */
  static final List<String> AUDIT_TABLES = java.util.stream.Stream.concat(
          MAPPINGS.values().stream().map(Mapping::entity),
          java.util.stream.Stream.of(dev.restock.jpa.serviceorder.VisitEntity.class,
              dev.restock.jpa.serviceorder.OrderLineEntity.class))
      .map(JpaAuditHistory::auditTable).sorted().toList();

  /**
   * Every audit table the chain covers: those of {@link #AUDIT_TABLES} and, from schema version
   * 7, the visits' lines documents ({@code service_visit_lines_aud}).
   */
  static final List<String> CHAIN_TABLES = java.util.stream.Stream.concat(AUDIT_TABLES.stream(),
          java.util.stream.Stream.of(
              auditTable(dev.restock.jpa.serviceorder.VisitLinesEntity.class)))
      .sorted().toList();

  private static String auditTable(Class<?> entity) {
    return entity.getAnnotation(jakarta.persistence.Table.class).name() + "_aud";
  }

  /** Live table of every audited type, whose audit table is its name + {@code _aud}. */
  static final Map<AuditedType, String> LIVE_TABLES = new EnumMap<>(AuditedType.class);

  static {
    MAPPINGS.forEach((type, mapping) -> LIVE_TABLES.put(type,
        mapping.entity().getAnnotation(jakarta.persistence.Table.class).name()));
  }

  /** The same by live table name, each with its audit table, for history-wipe checks. */
  static final Map<String, String> LIVE_TABLES_BY_NAME = LIVE_TABLES.values().stream()
      .sorted().collect(java.util.stream.Collectors.toMap(t -> t, t -> t + "_aud",
          (a, b) -> a, java.util.LinkedHashMap::new));

  private final FieldCrypto crypto;

  /** History of a store that keeps personal fields plain. */
  public JpaAuditHistory() {
    this(FieldCrypto.NONE);
  }

  /** History whose encrypted personal fields are shown decrypted ({@code [erased]} if erased). */
  public JpaAuditHistory(FieldCrypto crypto) {
    this.crypto = crypto;
  }

  private Map<String, String> state(AuditedType type, Mapping mapping, UUID id, Object entity) {
    return crypto.reveal(LIVE_TABLES.get(type), id.toString(), mapping.state().apply(entity));
  }

  @Override
  public Optional<EntityRevision> stateAt(AuditedType type, UUID id, Instant at) {
    Mapping mapping = MAPPINGS.get(type);
    AuditReader reader = AuditReaderFactory.get(UnitOfWork.currentSession());
    Optional<Number> rev = revisionAt(reader, at);
    if (rev.isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = reader.createQuery()
        .forRevisionsOfEntity(mapping.entity(), false, true)
        .add(AuditEntity.id().eq(id))
        .add(AuditEntity.revisionNumber().le(rev.get()))
        .addOrder(AuditEntity.revisionNumber().desc())
        .setMaxResults(1)
        .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    RevisionEntity revision = (RevisionEntity) rows.get(0)[1];
    RevisionKind kind = kind((RevisionType) rows.get(0)[2]);
    Object entity = kind == RevisionKind.DELETED ? rows.get(0)[0]
        : reader.find(mapping.entity(), id, rev.get());
    Map<String, String> state = state(type, mapping, id, entity);
    if (type == AuditedType.SERVICE_ORDER) {
      state = OrderHistory.states(UnitOfWork.currentSession(), id,
          List.of(rev.get().longValue()), List.of(state), JpaAuditHistory::revisionId, crypto).get(0);
    }
    return Optional.of(new EntityRevision(revision.toInfo(), kind, state));
  }

  @Override
  public Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at) {
    AuditReader reader = AuditReaderFactory.get(UnitOfWork.currentSession());
    Optional<Number> rev = revisionAt(reader, at);
    if (rev.isEmpty()) {
      return Optional.empty();
    }
    DeviceEntity device = reader.find(DeviceEntity.class, deviceId, rev.get());
    if (device == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<CabinetEntity> cabinets = reader.createQuery()
        .forEntitiesAtRevision(CabinetEntity.class, rev.get())
        .add(AuditEntity.relatedId("device").eq(deviceId)).getResultList();
    List<UUID> cabinetIds = cabinets.stream().map(CabinetEntity::getId).toList();
    @SuppressWarnings("unchecked")
    List<PlanogramEntity> planograms = cabinetIds.isEmpty() ? List.of() : reader.createQuery()
        .forEntitiesAtRevision(PlanogramEntity.class, rev.get())
        .add(AuditEntity.property("cabinetId").in(cabinetIds)).getResultList();
    List<UUID> planogramIds = planograms.stream().map(BaseEntity::getId).toList();
    @SuppressWarnings("unchecked")
    List<SlotEntity> slots = planogramIds.isEmpty() ? List.of() : reader.createQuery()
        .forEntitiesAtRevision(SlotEntity.class, rev.get())
        .add(AuditEntity.relatedId("planogram").in(planogramIds.toArray())).getResultList();
    Map<String, List<Map<String, String>>> slotsByPlanogram = new HashMap<>();
    for (SlotEntity slot : slots) {
      Map<String, String> state = slot.auditState();
      slotsByPlanogram.computeIfAbsent(state.get("planogramId"), k -> new ArrayList<>())
          .add(state);
    }
    slotsByPlanogram.values().forEach(l -> l.sort(
        java.util.Comparator.comparing(m -> m.getOrDefault("position", ""))));
    List<DeviceSnapshot.CabinetState> cabinetStates = new ArrayList<>();
    for (CabinetEntity cabinet : cabinets) {
      List<DeviceSnapshot.PlanogramState> planogramStates = planograms.stream()
          .filter(p -> cabinet.getId().toString().equals(p.auditState().get("cabinetId")))
          .map(p -> new DeviceSnapshot.PlanogramState(p.getId(), p.auditState(),
              slotsByPlanogram.getOrDefault(p.getId().toString(), List.of())))
          .toList();
      cabinetStates.add(new DeviceSnapshot.CabinetState(cabinet.getId(), cabinet.auditState(),
          planogramStates));
    }
    cabinetStates.sort(java.util.Comparator.comparing(c -> c.cabinet().getOrDefault("index", "")));
    return Optional.of(new DeviceSnapshot(at, deviceId, device.auditState(), cabinetStates));
  }

  @Override
  public List<EntityChange> changesBy(UUID actorId, Instant from, Instant to) {
    AuditReader reader = AuditReaderFactory.get(UnitOfWork.currentSession());
    List<EntityChange> changes = new ArrayList<>();
    for (Map.Entry<AuditedType, Mapping> e : MAPPINGS.entrySet()) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows = reader.createQuery()
          .forRevisionsOfEntity(e.getValue().entity(), false, true)
          .add(AuditEntity.revisionProperty("actorId").eq(actorId))
          .add(AuditEntity.revisionProperty("timestamp").ge(from.toEpochMilli()))
          .add(AuditEntity.revisionProperty("timestamp").lt(to.toEpochMilli()))
          .getResultList();
      for (Object[] row : rows) {
        changes.add(new EntityChange(((RevisionEntity) row[1]).toInfo(), e.getKey(),
            idOf(row[0]), kind((RevisionType) row[2])));
      }
    }
    changes.sort(java.util.Comparator.comparingLong((EntityChange c) -> c.info().number())
        .thenComparing(c -> c.type().ordinal()).thenComparing(c -> c.id().toString()));
    return changes;
  }

  /** One audit query over the entity's audit table, whatever the number of ids. */
  @Override
  public Map<UUID, dev.restock.api.audit.RevisionInfo> lastDeletions(AuditedType type,
      java.util.Collection<UUID> ids) {
    Map<UUID, dev.restock.api.audit.RevisionInfo> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = AuditReaderFactory.get(UnitOfWork.currentSession()).createQuery()
        .forRevisionsOfEntity(MAPPINGS.get(type).entity(), false, true)
        .add(AuditEntity.id().in(java.util.Set.copyOf(ids)))
        .add(AuditEntity.revisionType().eq(RevisionType.DEL))
        .addOrder(AuditEntity.revisionNumber().asc())
        .getResultList();
    for (Object[] row : rows) {
      result.put(idOf(row[0]), ((RevisionEntity) row[1]).toInfo()); // later ones win
    }
    return result;
  }

  @Override
  public ChainVerification verifyChain() {
    return verifyChain(0, null);
  }

  private static UUID idOf(Object entity) {
    if (entity instanceof BaseEntity b) {
      return b.getId();
    } else if (entity instanceof CabinetEntity c) {
      return c.getId();
    } else if (entity instanceof SlotEntity s) {
      return s.getId();
    }
    throw new IllegalStateException("no id for " + entity.getClass().getName());
  }

  private static Optional<Number> revisionAt(AuditReader reader, Instant at) {
    try {
      return Optional.of(reader.getRevisionNumberForDate(java.util.Date.from(at)));
    } catch (org.hibernate.envers.exception.RevisionDoesNotExistException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<EntityRevision> revisions(AuditedType type, UUID id) {
    Mapping mapping = MAPPINGS.get(type);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = AuditReaderFactory.get(UnitOfWork.currentSession()).createQuery()
        .forRevisionsOfEntity(mapping.entity(), false, true)
        .add(AuditEntity.id().eq(id))
        .addOrder(AuditEntity.revisionNumber().asc())
        .getResultList();
    List<Map<String, String>> states = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      states.add(state(type, mapping, id, row[0]));
    }
    if (type == AuditedType.SERVICE_ORDER) {
      states = OrderHistory.states(UnitOfWork.currentSession(), id,
          rows.stream().map(r -> ((RevisionEntity) r[1]).getId()).toList(), states,
          JpaAuditHistory::revisionId, crypto);
    }
    List<EntityRevision> revisions = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      RevisionEntity revision = (RevisionEntity) row[1];
      revisions.add(new EntityRevision(revision.toInfo(), kind((RevisionType) row[2]),
          states.get(i)));
    }
    return revisions;
  }

  private static RevisionKind kind(RevisionType type) {
    return switch (type) {
      case ADD -> RevisionKind.CREATED;
      case MOD -> RevisionKind.MODIFIED;
      case DEL -> RevisionKind.DELETED;
    };
  }
  @Override
  public ChainVerification verifyChain(long afterSeq, String chainHashAtSeq) {
    if (afterSeq < 0 || (afterSeq > 0 && chainHashAtSeq == null)) {
      throw new IllegalArgumentException("afterSeq must be >= 0, with the chain hash at it");
    }
    return jdbc(c -> HashChain.verify(c, CHAIN_TABLES, LIVE_TABLES_BY_NAME, afterSeq,
        chainHashAtSeq));
  }

  @Override
  public ChainHead chainHead() {
    return jdbc(HashChain::head);
  }

  @Override
  public void chained(long fromSeq, long toSeq, Consumer<ChainedRevision> each) {
    Objects.requireNonNull(each, "each");
    jdbc(c -> {
      HashChain.chained(c, CHAIN_TABLES, fromSeq, toSeq, each);
      return null;
    });
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    UnitOfWork.requireWrite();
    jdbc(c -> {
      try (PreparedStatement p = c.prepareStatement("insert into audit_checkpoint (genesis,"
          + " tree_size, root_hash, chain_hash, checkpoint_time, key_id, signature)"
          + " values (?, ?, ?, ?, ?, ?, ?)")) {
        p.setString(1, checkpoint.genesis());
        p.setLong(2, checkpoint.size());
        p.setString(3, checkpoint.rootHash());
        p.setString(4, checkpoint.chainHash());
        // the exact text the signature covers (Checkpoint.signedBytes uses Instant.toString())
        p.setString(5, checkpoint.time().toString());
        p.setString(6, checkpoint.keyId());
        p.setString(7, checkpoint.signature());
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<Checkpoint> checkpoints() {
    return jdbc(c -> {
      List<Checkpoint> all = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("select genesis, tree_size, root_hash,"
          + " chain_hash, checkpoint_time, key_id, signature from audit_checkpoint"
          + " order by tree_size, id");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          all.add(new Checkpoint(r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
              Instant.parse(r.getString(5)), r.getString(6), r.getString(7)));
        }
      }
      return all;
    });
  }

  @Override
  public List<LiveDrift> liveDrift() {
    return jdbc(c -> LiveDriftQuery.find(c, LIVE_TABLES));
  }

  /** Work on the unit of work's own connection, so it sees (and joins) its transaction. */
  private static <T> T jdbc(org.hibernate.jdbc.ReturningWork<T> work) {
    Session session = UnitOfWork.currentSession();
    // pending entity changes first, so that what JDBC reads matches what the unit wrote
    if (!session.isDefaultReadOnly() && session.isDirty()) {
      session.flush();
    }
    return session.doReturningWork(work);
  }

  /** The number of a revision entity as Envers returns it in its revision queries. */
  private static long revisionId(Object revisionEntity) {
    return ((RevisionEntity) revisionEntity).getId();
  }
}
