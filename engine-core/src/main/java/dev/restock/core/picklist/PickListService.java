package dev.restock.core.picklist;

import dev.restock.api.audit.Actor;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.port.in.PickListPreview;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.validation.Checks;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.time.LocalDate;
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
    // today where the engine's clock is: the day a host in that zone means by "today"
    return read(() -> compute(strategy, RouteData.load(store(), routeId,
        strategy.salesWindowDays(), ctx.clock())));
  }

  @Override
  public PickList preview(UUID routeId, String strategyId, LocalDate serviceDate) {
    Objects.requireNonNull(routeId, "routeId");
    new Checks().notNull(serviceDate, "serviceDate").throwIfAny();
    PickListStrategy strategy = ctx.strategies().require(strategyId);
    return read(() -> compute(strategy, RouteData.load(store(), routeId,
        strategy.salesWindowDays(), ctx.clock()).on(serviceDate)));
  }

  private static PickList compute(PickListStrategy strategy, RouteData data) {
    return PickListCalculator.compute(data, null, strategy, PickOptions.NONE);
  }
}
