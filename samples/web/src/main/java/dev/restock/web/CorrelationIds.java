package dev.restock.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the client's {@code X-Request-Id} when it is a plain
 * token (letters, digits, {@code -_.:}, at most 64), else a new UUID. It is echoed in the
 * response's {@code X-Request-Id} and recorded with every change the request makes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIds extends OncePerRequestFilter {
  /** The header carrying the id both ways. */
  public static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = CorrelationIds.class.getName();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id = given != null && TOKEN.matcher(given).matches() ? given
        : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    chain.doFilter(request, response);
  }

  /** The correlation id of {@code request}. */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id != null ? id.toString() : UUID.randomUUID().toString();
  }
}
