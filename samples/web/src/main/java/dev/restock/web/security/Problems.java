package dev.restock.web.security;

import dev.restock.web.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem document from a servlet filter or an entry point, where Spring MVC's
 * exception handlers do not run: the same fields as the API's ({@code errors}, {@code requestId}).
 */
final class Problems {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  static void write(HttpServletResponse response, HttpServletRequest request, int status,
      String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", HttpStatus.valueOf(status).getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.put("errors", List.of(detail));
    body.put("requestId", CorrelationIds.of(request));
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
