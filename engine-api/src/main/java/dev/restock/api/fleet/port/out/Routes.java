package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.Route;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Optional;

/** Stored routes, listed by code. */
@Stable(since = "0.1")
public interface Routes extends Repository<Route> {

  /** The live route with this code. */
  Optional<Route> findByCode(String code);
}
