package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the console over real HTTP (the JDK's client on the loopback interface): signs
 * in through the login form, keeps the session cookie, and posts forms with the page's CSRF
 * token, as a browser does, without a browser. Redirects are followed, so a POST answers with
 * the page it ends on.
 */
final class OpsConsole {
  private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder()
      .cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  private OpsConsole(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Signed in as {@code username} on the server at {@code port}; fails when refused. */
  static OpsConsole signIn(int port, String username, String password) {
    OpsConsole console = new OpsConsole(port);
    String token = csrf(console.get("/login").body());
    HttpResponse<String> home = console.send(console.form("/login",
        Map.of("username", username, "password", password, "_csrf", token)));
    assertThat(home.uri().getPath()).as("signed in as " + username).isEqualTo("/");
    return console;
  }

  /** GET {@code path}. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** POSTs the form {@code fields} to {@code path} with the CSRF token of the home page. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf(get("/").body()));
    return send(form(path, all));
  }

  private HttpRequest.Builder form(String path, Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("the page carries a CSRF token").isTrue();
    return m.group(1);
  }

  /** The start tag of the element with {@code id} in {@code page}, or null when absent. */
  static String tag(String page, String id) {
    Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
        .matcher(page);
    return m.find() ? m.group() : null;
  }

  /** The text between the start and end tag of the element with {@code id} (no nesting). */
  static String text(String page, String id) {
    Matcher m = Pattern.compile("<([a-z]+)[^>]*\\sid=\"" + Pattern.quote(id)
        + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(page);
    return m.find() ? m.group(2).strip() : null;
  }
}
