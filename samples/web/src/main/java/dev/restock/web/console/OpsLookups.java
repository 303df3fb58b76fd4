package dev.restock.web.console;

import dev.restock.api.RestockSession;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Route;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Names for the ids the operations pages show: route codes, usernames and the active drivers an
 * order can be assigned to. Names are looked up by id, only for the ids a page shows; deleted
 * routes and users (which the engine's {@code get} does not return) are then found by paging
 * through every route or user, deleted ones included, so that old orders still show who and
 * where. Lists (live routes, drivers) are read page by page to the end, however long.
 */
final class OpsLookups {
  private static final int PAGE = PageRequest.MAX_SIZE;

  private OpsLookups() {}

  /** Route code by route id for {@code ids} (nulls ignored), deleted routes included. */
  static Map<UUID, String> routeCodes(RestockSession session, Collection<UUID> ids) {
    return names(ids, id -> session.routes().get(id).code(),
        page -> session.routes().list(PageRequest.of(page, PAGE), Visibility.INCLUDE_DELETED),
        Route::id, Route::code);
  }

  /** The code of one route, deleted routes included; null for a null id. */
  static String routeCode(RestockSession session, UUID id) {
    return id == null ? null : routeCodes(session, List.of(id)).get(id);
  }

  /** Username by user id for {@code ids} (nulls ignored), deleted users included. */
  static Map<UUID, String> usernames(RestockSession session, Collection<UUID> ids) {
    return names(ids, id -> session.users().get(id).username(),
        page -> session.users().list(PageRequest.of(page, PAGE), Visibility.INCLUDE_DELETED),
        User::id, User::username);
  }

  /** The username of one user, deleted users included; null for a null id. */
  static String username(RestockSession session, UUID id) {
    return id == null ? null : usernames(session, List.of(id)).get(id);
  }

  /** Every live route, by code. */
  static List<Route> liveRoutes(RestockSession session) {
    return all(page -> session.routes().find(Criteria.all().sortBy("code", false),
        PageRequest.of(page, PAGE), Visibility.LIVE));
  }

  /** Every live, active user with role DRIVER, by username. */
  static List<User> drivers(RestockSession session) {
    Criteria drivers = Criteria.where("role", Criteria.Operator.EQ, Role.DRIVER.name())
        .and("active", Criteria.Operator.EQ, true).sortBy("username", false);
    return all(page -> session.users().find(drivers, PageRequest.of(page, PAGE),
        Visibility.LIVE));
  }

  private static <T> List<T> all(IntFunction<Page<T>> read) {
    List<T> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<T> p = read.apply(page);
      items.addAll(p.items());
      if (p.items().isEmpty() || page + 1 >= p.pages()) {
        return items;
      }
    }
  }

  private static <T> Map<UUID, String> names(Collection<UUID> ids, Function<UUID, String> live,
      IntFunction<Page<T>> everyPage, Function<T, UUID> idOf, Function<T, String> nameOf) {
    Map<UUID, String> names = new LinkedHashMap<>();
    Set<UUID> missing = new LinkedHashSet<>();
    for (UUID id : ids) {
      if (id == null || names.containsKey(id)) {
        continue;
      }
      try {
        names.put(id, live.apply(id));
      } catch (NotFoundException e) {
        missing.add(id);
      }
    }
    for (int page = 0; !missing.isEmpty(); page++) {
      Page<T> p = everyPage.apply(page);
      for (T item : p.items()) {
        if (missing.remove(idOf.apply(item))) {
          names.put(idOf.apply(item), nameOf.apply(item));
        }
      }
      if (p.items().isEmpty() || page + 1 >= p.pages()) {
        break;
      }
    }
    return names;
  }
}
