package dev.restock.core.fleet;

import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.fleet.port.in.LocationManagement;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.CrudUseCase;
import java.util.UUID;

/** Location use cases. */
public final class LocationService extends CrudUseCase<Location, CreateLocation, UpdateLocation>
    implements LocationManagement {

  public LocationService(CoreContext ctx, Actor actor) {
    super(ctx, actor, "location");
  }

  @Override
  protected Locations repository() {
    return store().locations();
  }

  @Override
  protected Location build(UUID id, CreateLocation c) {
    return new Location(id, c.name(), c.address(), 0, AuditStamp.NEW, null);
  }

  @Override
  protected Location apply(Location l, UpdateLocation u) {
    return new Location(l.id(), pick(u.name(), l.name()), pick(u.address(), l.address()),
        l.version(), l.stamp(), l.deletedAt());
  }

  @Override
  protected dev.restock.api.query.SearchFields searchFields() {
    return dev.restock.api.query.SearchFields.LOCATION;
  }
}
