package dev.restock.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing API requests that a browser sent on another site's behalf. The API has
 * no CSRF token (Basic credentials authenticate it), but a browser that once answered its Basic
 * challenge sends those credentials with any form another site posts to it. Browsers mark such
 * requests: {@code Sec-Fetch-Site: cross-site} or {@code same-site}, or an {@code Origin} that
 * is not this server. Clients that are not browsers send neither, and are not affected.
 */
public class CrossSiteRequests extends OncePerRequestFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
      Problems.write(response, request, HttpServletResponse.SC_FORBIDDEN,
          "cross-site request refused: the API takes state-changing requests only from this "
              + "site or from clients that are not browsers");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      String s = site.toLowerCase(Locale.ROOT);
      if (s.equals("cross-site") || s.equals("same-site")) {
        return true;
      }
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    try {
      URI o = URI.create(origin);
      int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443
          : 80;
      return o.getHost() == null || !o.getHost().equalsIgnoreCase(request.getServerName())
          || port != request.getServerPort();
    } catch (IllegalArgumentException e) {
      return true; // "null" or garbage: not this site
    }
  }
}
