package dev.restock.core.picklist;

import dev.restock.api.audit.Actor;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.port.in.PickListPreview;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.util.Objects;
import java.util.UUID;

/** Previews a route's pick list over every cabinet, without writing anything. */
public final class PickListService extends UseCase implements PickListPreview {

  public PickListService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public PickList preview(UUID routeId, String strategyId) {
    Objects.requireNonNull(routeId, "routeId");
    PickListStrategy strategy = ctx.strategies().require(strategyId);
    return read(() -> PickListCalculator.compute(
        RouteData.load(store(), routeId, strategy.salesWindowDays(), ctx.clock()), null, strategy,
        PickOptions.NONE));
  }
}
