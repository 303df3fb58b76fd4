package dev.restock.web.console;

import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.user.Role;
import dev.restock.web.security.RestockPrincipal;

/**
 * Which operations forms a signed-in person is offered, mirroring the engine's access policy
 * (engine-core {@code AccessPolicy}): ADMIN and MANAGER may do every order action; a DRIVER
 * may dispatch, complete and skip visits of orders assigned to them only; a VIEWER only reads.
 * This only decides what the pages show: the engine still decides every call, and a refused
 * call ends on the console's 403 page with nothing changed.
 */
final class OpsAccess {
  /** The largest reason the console sends: the audit trail's reason column holds 500. */
  static final int REASON_MAX = 500;

  private OpsAccess() {}

  /** Whether {@code me} may create, assign and cancel orders (ADMIN or MANAGER). */
  static boolean backOffice(RestockPrincipal me) {
    return me != null && (me.role() == Role.ADMIN || me.role() == Role.MANAGER);
  }

  /**
   * Whether {@code me} may dispatch {@code order} and complete or skip its visits: the back
   * office, or the driver the order is assigned to.
   */
  static boolean mayService(RestockPrincipal me, ServiceOrder order) {
    return backOffice(me) || me != null && me.role() == Role.DRIVER
        && me.userId().equals(order.driverId());
  }
}
