package dev.restock.core.picklist;

import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.port.in.PickListPreview;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.shared.Visibility;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.core.shared.CoreContext;
import dev.restock.core.shared.UseCase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Previews a route's pick list. Reads route, devices, planograms and products in a fixed number
 * of calls whatever the route's size, then hands them to {@link PickListCalculator}.
 */
public final class PickListService extends UseCase implements PickListPreview {

  public PickListService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public PickList preview(UUID routeId, String strategyId) {
    Objects.requireNonNull(routeId, "routeId");
    PickListStrategy strategy = ctx.strategies().require(strategyId);
    return read(() -> {
      Route route = store().routes().find(routeId, Visibility.LIVE)
          .orElseThrow(() -> new NotFoundException("route", routeId));
      List<Device> devices = store().devices().listByRoute(routeId);
      List<UUID> cabinetIds = devices.stream().flatMap(d -> d.cabinets().stream())
          .map(Cabinet::id).toList();
      List<Planogram> planograms = cabinetIds.isEmpty() ? List.of()
          : store().planograms().findActiveByCabinets(cabinetIds);
      List<UUID> productIds = planograms.stream().flatMap(p -> p.slots().stream())
          .map(Slot::productId).filter(Objects::nonNull).distinct().toList();
      Map<UUID, Product> products = productIds.isEmpty() ? Map.of()
          : store().products().findAllById(productIds).stream()
              .collect(Collectors.toMap(Product::id, Function.identity()));
      return PickListCalculator.compute(route, devices, planograms, products, strategy,
          LocalDate.now(ctx.clock()));
    });
  }
}
