package dev.restock.web.api;

import dev.restock.api.error.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers every {@code /api} request no endpoint takes (an unknown path, or a method the path
 * does not have) with a 404 problem document, like the API's other errors, instead of the
 * servlet container's error page. Spring picks it last: any other mapping is more specific.
 */
@Hidden
@RestController
public class ApiFallback {

  @RequestMapping("/api/**")
  void none(HttpServletRequest request) {
    throw new NotFoundException("endpoint", request.getMethod() + " " + request.getRequestURI());
  }
}
