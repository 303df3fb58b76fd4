package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.Route;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.Optional;

/**
 * Stored routes, in natural order by code. Codes are unique among live routes. The rules all store
 * ports follow are on {@link dev.restock.api.spi.Store}; what every repository does is on {@link
 * Repository}.
 */
@Stable(since = "0.1")
public interface Routes extends Repository<Route> {

  /**
   * The live route with this code; deleted routes are not seen. The code is compared exactly,
   * case included ({@code "north-1"} does not find {@code "North-1"}); both checked by the kit.
   */
  Optional<Route> findByCode(String code);
}
