package dev.restock.core.fleet;

import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.UpdateCabinetType;
import dev.restock.api.fleet.port.in.CabinetTypeManagement;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import java.util.UUID;

/** Cabinet type use cases. */
public final class CabinetTypeService
    extends CrudUseCase<CabinetType, CreateCabinetType, UpdateCabinetType>
    implements CabinetTypeManagement {

  public CabinetTypeService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "cabinet-type");
  }

  @Override
  protected CabinetTypes repository() {
    return store().cabinetTypes();
  }

  @Override
  protected CabinetType build(UUID id, CreateCabinetType c) {
    return new CabinetType(id, c.name(), 0, AuditStamp.NEW, null);
  }

  @Override
  protected CabinetType apply(CabinetType t, UpdateCabinetType u) {
    return new CabinetType(t.id(), pick(u.name(), t.name()), t.version(), t.stamp(),
        t.deletedAt());
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.CABINET_TYPE;
  }
}
