package dev.restock.web.api;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.query.PageRequest;
import dev.restock.web.RequestSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every API controller needs: the engine session of the request (with the optional
 * {@code X-Reason} header as the reason recorded with its changes), page requests built where
 * their validation errors become 422 problems, and {@code 201 Created} responses with a
 * {@code Location}.
 */
@Component
public class ApiSupport {
  /** The optional header giving why a change is made; recorded in history. */
  public static final String REASON_HEADER = "X-Reason";

  private final RequestSessions sessions;
  private final Restock restock;

  ApiSupport(RequestSessions sessions, Restock restock) {
    this.sessions = sessions;
    this.restock = restock;
  }

  /**
   * Runs {@code work} in one unit of work as the actor of {@code session}: all of it is written,
   * or none.
   */
  public <T> T inUnitOfWork(RestockSession session, Function<RestockSession, T> work) {
    return restock.inUnitOfWork(session.actor(), work);
  }

  /** The session of the signed-in person, with the {@code X-Reason} header as reason if sent. */
  public RestockSession session() {
    return sessions.current(header(REASON_HEADER));
  }

  /**
   * The session of the signed-in person with {@code reason} (a body field) as reason, or the
   * {@code X-Reason} header when the body gives none.
   */
  public RestockSession session(String reason) {
    return sessions.current(reason != null && !reason.isBlank() ? reason
        : header(REASON_HEADER));
  }

  /**
   * A page request; the engine's own checks refuse a negative page or a size outside
   * 1..{@value PageRequest#MAX_SIZE} with a validation error (422).
   */
  public static PageRequest page(Integer page, Integer size) {
    return PageRequest.of(page == null ? 0 : page, size == null ? PageRequest.DEFAULT_SIZE : size);
  }

  /** {@code 201 Created} with {@code body} and the {@code Location} of {@code path}/{@code id}. */
  public static <T> ResponseEntity<T> created(String path, Object id, T body) {
    URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
        .path(path).path("/{id}").buildAndExpand(id).toUri();
    return ResponseEntity.created(location).body(body);
  }

  /** {@code 201 Created} with {@code body} and the {@code Location} of the entity {@code id}. */
  public static <T> ResponseEntity<T> created(String path, UUID id, T body) {
    return created(path, (Object) id, body);
  }

  private static String header(String name) {
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    return request.getHeader(name);
  }
}
