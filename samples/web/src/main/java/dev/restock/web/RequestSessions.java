package dev.restock.web;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.web.security.RestockPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine session of the current HTTP request: the signed-in Restock user as actor, with the
 * client's address, its user agent and the request's correlation id ({@link CorrelationIds}), so
 * that each change the request makes carries them into history and audit events.
 */
@Component
public class RequestSessions {
  private final Restock restock;

  RequestSessions(Restock restock) {
    this.restock = restock;
  }

  /** The session of the signed-in person for this request. */
  public RestockSession current() {
    return current(null);
  }

  /**
   * The session of the signed-in person for this request, with {@code reason} recorded as why.
   *
   * @param reason why the change is made, or null
   */
  public RestockSession current(String reason) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof RestockPrincipal principal)) {
      throw new IllegalStateException("no signed-in Restock user on this request");
    }
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    Actor actor = Actor.user(principal.userId())
        .withClientAddress(request.getRemoteAddr())
        .withCorrelationId(CorrelationIds.of(request));
    String agent = request.getHeader("User-Agent");
    if (agent != null && !agent.isBlank()) {
      // not the user's words but the client's: cut to what history holds rather than refuse
      actor = actor.withUserAgent(agent.length() > Actor.MAX_USER_AGENT
          ? agent.substring(0, Actor.MAX_USER_AGENT) : agent);
    }
    if (reason != null && !reason.isBlank()) {
      actor = actor.withReason(reason);
    }
    return restock.as(actor);
  }

  /** The signed-in person, or null. */
  public static RestockPrincipal principal() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof RestockPrincipal p ? p : null;
  }
}
