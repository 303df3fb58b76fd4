package dev.restock.web.security;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.user.User;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. The JSON API ({@code /api/**}) takes HTTP Basic, keeps no session and
 * needs no CSRF token (nothing but the Authorization header authenticates it); the console takes
 * form login with a session and CSRF protection (htmx sends the token as a header). The OpenAPI
 * document, the login page and static files are public. What a signed-in person may do is the
 * engine's decision (its permission policy by role), not this filter's.
 */
@Configuration
public class SecurityConfig {

  /** Spring Security's delegating encoder: bcrypt for new hashes, prefixed with {@code {bcrypt}}. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Accounts from the host's table, with the role of the Restock user each acts as. */
  @Bean
  UserDetailsService userDetailsService(Accounts accounts, Restock restock) {
    return username -> {
      Accounts.Account account = accounts.find(username)
          .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
      User user;
      try {
        user = restock.as(Actor.system().withReason("sign-in")).users().get(account.userId());
      } catch (NotFoundException e) {
        throw new UsernameNotFoundException("the Restock user of " + username + " is gone");
      }
      return new RestockPrincipal(account.username(), account.passwordHash(), user.id(),
          user.role(), user.active());
    };
  }

  /**
   * The API: Basic, stateless, no CSRF token but no cross-site browser requests either
   * ({@link CrossSiteRequests}); 401 with a challenge and a problem document when not signed in.
   */
  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint challenge = (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Restock\"");
      Problems.write(response, request, HttpServletResponse.SC_UNAUTHORIZED,
          "authentication required: HTTP Basic with a Restock account");
    };
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(challenge))
        .exceptionHandling(x -> x.authenticationEntryPoint(challenge))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterBefore(new CrossSiteRequests(), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** The console: form login, a session, CSRF protection. */
  @Bean
  @Order(2)
  SecurityFilterChain console(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                "/error").permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    return http.build();
  }
}
