package dev.restock.api.fleet.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.UpdateRoute;
import dev.restock.api.aggregate.port.in.ManageAggregate;

/** Manage routes. */
@Stable(since = "0.1")
public interface RouteManagement extends ManageAggregate<Route, CreateRoute, UpdateRoute> {

  /** @throws dev.restock.api.error.NotFoundException when no live route has this code */
  Route getByCode(String code);
}
