package dev.restock.web.console;

import dev.restock.api.error.RestockException;
import dev.restock.web.CorrelationIds;
import dev.restock.web.api.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An engine error that a console page did not handle itself becomes the error page, with the
 * status the API would give ({@link ApiErrors#statusOf}) and every {@code field: message} line.
 * Pages that keep the user's input (forms) catch validation errors themselves and show them
 * beside the form instead.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
public class ConsoleErrors {

  @ExceptionHandler(RestockException.class)
  String engine(RestockException e, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    int status = ApiErrors.statusOf(e).value();
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", e.getMessage());
    model.addAttribute("errors", ApiErrors.details(e));
    model.addAttribute("requestId", CorrelationIds.of(request));
    return "problem";
  }
}
