package dev.restock.web.api;

import dev.restock.api.error.ConflictException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.RestockException;
import dev.restock.api.error.StoreUnavailableException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.web.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's errors as RFC 9457 problem documents: the status of the error's kind, its message as
 * {@code detail}, every broken rule as {@code "field: message"} in {@code errors}, and the
 * request's correlation id.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>error</th><th>status</th></tr>
 *   <tr><td>validation</td><td>422</td></tr>
 *   <tr><td>unreadable body, missing or mistyped parameter</td><td>400</td></tr>
 *   <tr><td>not found</td><td>404</td></tr>
 *   <tr><td>conflict (duplicate, concurrent change), illegal state, insufficient stock</td>
 *       <td>409</td></tr>
 *   <tr><td>permission</td><td>403</td></tr>
 *   <tr><td>store unavailable</td><td>503</td></tr>
 *   <tr><td>no endpoint for the method and path ({@link ApiFallback})</td><td>404</td></tr>
 *   <tr><td>a body that is not JSON</td><td>415</td></tr>
 *   <tr><td>the host's database refused a write: duplicate key / other</td><td>409 / 500</td></tr>
 * </table>
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** The status an engine error maps to. */
  public static HttpStatus statusOf(RestockException e) {
    if (e instanceof ValidationException) {
      return HttpStatus.UNPROCESSABLE_CONTENT;
    }
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof PermissionDeniedException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof ConflictException || e instanceof IllegalStateTransitionException
        || e instanceof InsufficientStockException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof StoreUnavailableException) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    return HttpStatus.BAD_REQUEST;
  }

  /** The {@code field: message} lines of an engine error (one line for errors without fields). */
  public static List<String> details(RestockException e) {
    if (e instanceof ValidationException v) {
      return v.violations().stream().map(Violation::toString).toList();
    }
    return List.of(e.getMessage());
  }

  @ExceptionHandler(RestockException.class)
  ResponseEntity<ProblemDetail> engine(RestockException e, HttpServletRequest request) {
    return problem(statusOf(e), e.getMessage(), details(e), request);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class,
      MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ProblemDetail> badRequest(Exception e, HttpServletRequest request) {
    String message;
    if (e instanceof HttpMessageNotReadableException) {
      message = "body: not readable as the expected JSON";
    } else if (e instanceof MethodArgumentTypeMismatchException m) {
      message = m.getName() + ": " + expected(m.getRequiredType()) + " (was '" + m.getValue()
          + "')";
    } else if (e instanceof MissingServletRequestParameterException m) {
      message = m.getParameterName() + ": is required";
    } else {
      message = e.getMessage();
    }
    return problem(HttpStatus.BAD_REQUEST, message, List.of(message), request);
  }

  /** What a parameter of {@code type} must be, in words rather than Java type names. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong form";
    }
    if (type.isEnum()) {
      return "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
          .map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be a whole number";
    }
    if (type == java.util.UUID.class) {
      return "must be a UUID";
    }
    if (type == java.time.Instant.class) {
      return "must be an ISO-8601 instant such as 2026-12-05T08:00:00Z";
    }
    if (type == java.time.LocalDate.class) {
      return "must be a date such as 2026-12-05";
    }
    return "must be a " + type.getSimpleName();
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e,
      HttpServletRequest request) {
    String message = "Content-Type: must be application/json (was "
        + (e.getContentType() == null ? "none" : e.getContentType()) + ")";
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, List.of(message), request);
  }

  /**
   * The host's own tables (accounts) refused a write: a duplicate key is a conflict (a race
   * between two requests for the same username), anything else a server error whose cause is
   * logged, not shown.
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request) {
    if (e instanceof DuplicateKeyException) {
      String message = "the record exists already";
      return problem(HttpStatus.CONFLICT, message, List.of(message), request);
    }
    LOG.error("database error on {} {} (request {})", request.getMethod(),
        request.getRequestURI(), CorrelationIds.of(request), e);
    String message = "the database refused the change; nothing was written";
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, message, List.of(message), request);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e,
      HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(String.valueOf(e.getMessage())),
        request);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
      List<String> errors, HttpServletRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(status.getReasonPhrase());
    body.setProperty("errors", errors);
    body.setProperty("requestId", CorrelationIds.of(request));
    return ResponseEntity.status(status).body(body);
  }
}
