package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.fleet.Route;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Names for the ids the operations pages show: route codes, usernames and the active drivers an
 * order can be assigned to. Deleted routes and users are included so that old orders still show
 * who and where. Reads at most {@link PageRequest#MAX_SIZE} rows of each kind.
 */
final class OpsLookups {
  private OpsLookups() {}

  /** Route code by route id, deleted routes included. */
  static Map<UUID, String> routeCodes(RestockSession session) {
    Map<UUID, String> codes = new LinkedHashMap<>();
    for (Route r : session.routes().list(PageRequest.of(0, PageRequest.MAX_SIZE),
        Visibility.INCLUDE_DELETED).items()) {
      codes.put(r.id(), r.code());
    }
    return codes;
  }

  /** Live routes, by code. */
  static List<Route> liveRoutes(RestockSession session) {
    return session.routes().find(Criteria.all().sortBy("code", false),
        PageRequest.of(0, PageRequest.MAX_SIZE), Visibility.LIVE).items();
  }

  /** Username by user id, deleted users included. */
  static Map<UUID, String> usernames(RestockSession session) {
    Map<UUID, String> names = new LinkedHashMap<>();
    for (User u : session.users().list(PageRequest.of(0, PageRequest.MAX_SIZE),
        Visibility.INCLUDE_DELETED).items()) {
      names.put(u.id(), u.username());
    }
    return names;
  }

  /** Live, active users with role DRIVER, by username. */
  static List<User> drivers(RestockSession session) {
    return session.users().find(Criteria.where("role", Criteria.Operator.EQ, Role.DRIVER.name())
            .and("active", Criteria.Operator.EQ, true).sortBy("username", false),
        PageRequest.of(0, PageRequest.MAX_SIZE), Visibility.LIVE).items();
  }
}
