package dev.restock.core.fleet;

import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.UpdateDeviceType;
import dev.restock.api.fleet.port.in.DeviceTypeManagement;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import java.util.UUID;

/** Device type use cases. */
public final class DeviceTypeService
    extends CrudUseCase<DeviceType, CreateDeviceType, UpdateDeviceType>
    implements DeviceTypeManagement {

  public DeviceTypeService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "device-type");
  }

  @Override
  protected DeviceTypes repository() {
    return store().deviceTypes();
  }

  @Override
  protected DeviceType build(UUID id, CreateDeviceType c) {
    return new DeviceType(id, c.name(), c.maxCabinets(), 0, AuditStamp.NEW, null);
  }

  @Override
  protected DeviceType apply(DeviceType t, UpdateDeviceType u) {
    return new DeviceType(t.id(), pick(u.name(), t.name()), pick(u.maxCabinets(), t.maxCabinets()),
        t.version(), t.stamp(), t.deletedAt());
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.DEVICE_TYPE;
  }
}
