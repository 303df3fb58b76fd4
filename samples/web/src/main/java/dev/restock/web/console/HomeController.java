package dev.restock.web.console;

import dev.restock.web.RequestSessions;
import dev.restock.web.security.RestockPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The console's sign-in page and its start page, which links to every other page. */
@Controller
public class HomeController {

  /** The sign-in form (Spring Security handles its POST). */
  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** The start page. */
  @GetMapping("/")
  String home() {
    return "home";
  }

  /** Puts the signed-in person into every console page's model (for the header). */
  @ControllerAdvice(basePackageClasses = HomeController.class)
  static class SignedIn {
    @ModelAttribute("me")
    RestockPrincipal me() {
      return RequestSessions.principal();
    }
  }
}
