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
import dev.restock.jpa.shared.BaseEntity;
import dev.restock.jpa.tx.UnitOfWork;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    MAPPINGS.put(AuditedType.PLANOGRAM, new Mapping(PlanogramEntity.class, base));
    MAPPINGS.put(AuditedType.USER, new Mapping(dev.restock.jpa.user.UserEntity.class, base));
    MAPPINGS.put(AuditedType.SERVICE_ORDER,
        new Mapping(dev.restock.jpa.service.ServiceOrderEntity.class, base));
    MAPPINGS.put(AuditedType.STOCK, new Mapping(dev.restock.jpa.stock.StockEntity.class, base));
    MAPPINGS.put(AuditedType.CABINET,
        new Mapping(CabinetEntity.class, e -> ((CabinetEntity) e).auditState()));
    MAPPINGS.put(AuditedType.SLOT,
        new Mapping(SlotEntity.class, e -> ((SlotEntity) e).auditState()));
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
    List<EntityRevision> revisions = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      RevisionEntity revision = (RevisionEntity) row[1];
      revisions.add(new EntityRevision(revision.toInfo(), kind((RevisionType) row[2]),
          mapping.state().apply(row[0])));
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
}
