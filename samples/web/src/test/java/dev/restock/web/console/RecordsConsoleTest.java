package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.web.WebDatabases;
import dev.restock.web.security.Accounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The records console's review fixes over real HTTP (form sign-in with its CSRF token, the
 * pages' HTML, status codes) against the engine on a SQLite file: a stale planogram form is
 * refused with 409 and writes nothing; a planogram deleted meanwhile keeps the input (404); a
 * manager sees and uses the restore button wherever the engine lets a manager restore, but not
 * for users; the deleted list pages with checked parameters; every reason input is limited to
 * 500 characters; whole lists are read a page at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordsConsoleTest {
  private static final String MANAGER_PASSWORD = "manager-test-pw";
  private static Path dir;

  @LocalServerPort
  int port;

  @Autowired
  Restock restock;

  @Autowired
  Accounts accounts;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @Test
  void aStalePlanogramFormIsRefusedWith409AndWritesNothing() {
    RestockSession engine = adminEngine("slot moved by the API");
    Cabinet cabinet = engine.devices().getBySerialNumber("DEMO-SN-003").cabinet(1).orElseThrow();
    Console admin = Console.signIn(port, "admin", WebDatabases.ADMIN_PASSWORD);
    String editor = "/cabinets/" + cabinet.id() + "/planogram";
    HttpResponse<String> opened = admin.get(editor);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("name=\"version\"");
    Map<String, String> form = admin.form(opened.body(), "planogram-form");
    Planogram before = engine.planograms().activeFor(cabinet.id());
    assertThat(form).containsEntry("version", Long.toString(before.version()))
        .containsEntry("planogramId", before.id().toString())
        .containsEntry("par_A1", "10");

    Planogram changed = engine.planograms().setSlot(cabinet.id(),
        new SetSlot("A1", null, null, 4, null, null));
    assertThat(changed.version()).isGreaterThan(before.version());

    form.put("par_A2", "3");
    form.put("reason", "stale edit");
    HttpResponse<String> stale = admin.post(editor, form);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("changed meanwhile by admin").contains("reload")
        .contains("value=\"3\"");
    Planogram after = engine.planograms().activeFor(cabinet.id());
    assertThat(after.version()).isEqualTo(changed.version());
    assertThat(after.slots()).isEqualTo(changed.slots());
    assertThat(after.slotAt("A1").orElseThrow().parLevel()).isEqualTo(4);

    // a form opened now saves
    Map<String, String> fresh = admin.form(admin.get(editor).body(), "planogram-form");
    fresh.put("par_A2", "3");
    HttpResponse<String> saved = admin.post(editor, fresh);
    assertThat(saved.statusCode()).isEqualTo(302);
    Planogram now = engine.planograms().activeFor(cabinet.id());
    assertThat(now.slotAt("A2").orElseThrow().parLevel()).isEqualTo(3);
    assertThat(now.slotAt("A1").orElseThrow().parLevel()).isEqualTo(4);
  }

  @Test
  void aPlanogramDeletedMeanwhileKeepsTheInputWith404() {
    RestockSession engine = adminEngine("layout withdrawn");
    Cabinet cabinet = engine.devices().getBySerialNumber("DEMO-SN-004").cabinet(2).orElseThrow();
    Console admin = Console.signIn(port, "admin", WebDatabases.ADMIN_PASSWORD);
    String editor = "/cabinets/" + cabinet.id() + "/planogram";
    Map<String, String> form = admin.form(admin.get(editor).body(), "planogram-form");
    Planogram before = engine.planograms().activeFor(cabinet.id());
    engine.planograms().delete(before.id());

    form.put("par_A1", "2");
    HttpResponse<String> gone = admin.post(editor, form);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).contains("id=\"problems\"").contains("Not saved")
        .contains("active planogram of cabinet").contains("id=\"par_A1\"")
        .containsPattern("name=\"par_A1\"[^>]*value=\"2\"");
    assertThat(engine.planograms().list(dev.restock.api.query.PageRequest.of(0, 100),
        Visibility.LIVE).items()).noneMatch(p -> p.cabinetId().equals(cabinet.id()));
  }

  @Test
  void aManagerRestoresWhatTheEngineLetsAManagerRestoreAndTheDeletedListPages() {
    RestockSession engine = adminEngine("review");
    User manager = restock.as(Actor.system()).users().create(
        new CreateUser("manager", "manager@example.test", Role.MANAGER));
    accounts.add("manager", MANAGER_PASSWORD, manager.id());
    User viewer = engine.users().create(
        new CreateUser("former", "former@example.test", Role.VIEWER));
    engine.users().delete(viewer.id());
    Product[] gone = new Product[3];
    for (int i = 0; i < gone.length; i++) {
      gone[i] = engine.products().create(new CreateProduct("PAGE-" + i, "Paged " + i, "Snacks",
          new BigDecimal("1.00"), 10));
      engine.products().delete(gone[i].id());
    }

    Console console = Console.signIn(port, "manager", MANAGER_PASSWORD);
    HttpResponse<String> products = console.get("/history/product/deleted");
    assertThat(products.statusCode()).isEqualTo(200);
    assertThat(products.body()).contains("PAGE-0", "PAGE-1", "PAGE-2")
        .contains("id=\"restore-" + gone[0].id() + "\"")
        .contains("maxlength=\"500\"");
    HttpResponse<String> users = console.get("/history/user/deleted");
    assertThat(users.body()).contains("former").doesNotContain("class=\"restore\"");

    // the manager's restore is the engine's: the product comes back live with the reason
    Map<String, String> restore = new LinkedHashMap<>();
    restore.put("_csrf", console.csrf(products.body()));
    restore.put("reason", "sold again");
    HttpResponse<String> restored = console.post(
        "/history/product/" + gone[0].id() + "/restore", restore);
    assertThat(restored.statusCode()).isEqualTo(302);
    assertThat(engine.products().get(gone[0].id()).deletedAt()).isNull();
    // a user stays the administrators': the engine refuses, the error page says so
    HttpResponse<String> refused = console.post(
        "/history/user/" + viewer.id() + "/restore", restore);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Error 403").contains("user.restore");

    // paging: two deleted products a page, links both ways, no silent cut
    HttpResponse<String> first = console.get("/history/product/deleted?size=1");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("2 deleted · page 1 of 2")
        .contains("id=\"next\"").doesNotContain("id=\"previous\"");
    HttpResponse<String> second = console.get("/history/product/deleted?page=1&size=1");
    assertThat(second.body()).contains("page 2 of 2").contains("id=\"previous\"")
        .doesNotContain("id=\"next\"");
    assertThat(rows(first.body()) + rows(second.body())).isEqualTo(2);
    assertThat(first.body() + second.body()).contains("PAGE-1", "PAGE-2");

    for (String bad : List.of("size=0", "size=1001", "page=-1", "size=abc", "page=2&size=1")) {
      HttpResponse<String> r = console.get("/history/product/deleted?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(422);
      assertThat(r.body()).as(bad).contains("Error 422")
          .containsPattern(bad.contains("size=") && !bad.startsWith("page=2")
              ? "size: must" : "page: must");
    }

    // the device list pages the same way
    HttpResponse<String> devices = console.get("/devices?page=1&size=4");
    assertThat(devices.statusCode()).isEqualTo(200);
    assertThat(devices.body()).contains("Demo machine 5", "Demo machine 6")
        .doesNotContain("Demo machine 1<");
    for (String bad : List.of("page=-1", "page=2&size=4", "size=0", "page=x")) {
      HttpResponse<String> r = console.get("/devices?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(422);
      assertThat(r.body()).as(bad).contains("Error 422");
    }

    // a driver, like a viewer, restores nothing and sees no button
    Console driver = Console.signIn(port, "driver", WebDatabases.DRIVER_PASSWORD);
    assertThat(driver.get("/history/product/deleted").body()).contains("PAGE-1")
        .doesNotContain("class=\"restore\"");
  }

  @Test
  void wholeListsAreReadAPageAtATime() {
    RestockSession engine = adminEngine(null);
    List<Product> all = RecordsPages.all(r -> engine.products().list(r), 2);
    assertThat(all).hasSize((int) engine.products().list(
        dev.restock.api.query.PageRequest.of(0, 1)).total());
    assertThat(all).hasSizeGreaterThan(4);
    assertThat(all.stream().map(Product::id).distinct()).hasSize(all.size());
  }

  private RestockSession adminEngine(String reason) {
    User admin = restock.as(Actor.system()).users().firstAdministrator().orElseThrow();
    Actor actor = Actor.user(admin.id());
    return restock.as(reason == null ? actor : actor.withReason(reason));
  }

  private static int rows(String html) {
    Matcher m = Pattern.compile("<tr data-id=").matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A person in the console: the JDK's HTTP client with a cookie jar, signed in by the form. */
  static final class Console {
    private static final Pattern CSRF = Pattern.compile(
        "name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private Console(int port) {
      this.base = "http://127.0.0.1:" + port;
    }

    static Console signIn(int port, String username, String password) {
      Console c = new Console(port);
      String login = c.get("/login").body();
      Map<String, String> form = new LinkedHashMap<>();
      form.put("username", username);
      form.put("password", password);
      form.put("_csrf", c.csrf(login));
      HttpResponse<String> r = c.post("/login", form);
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
      return c;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String csrf(String html) {
      Matcher m = CSRF.matcher(html);
      assertThat(m.find()).as("a CSRF field on the page").isTrue();
      return m.group(1);
    }

    /**
     * The fields a browser would post from the form {@code id}: inputs with their values and
     * each select's selected option (or none).
     */
    Map<String, String> form(String html, String id) {
      int start = html.indexOf("id=\"" + id + "\"");
      assertThat(start).as("form " + id).isNotNegative();
      String form = html.substring(start, html.indexOf("</form>", start));
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher input = Pattern.compile("<input([^>]*)>").matcher(form);
      while (input.find()) {
        String name = attr(input.group(1), "name");
        if (name != null) {
          String value = attr(input.group(1), "value");
          fields.put(name, value == null ? "" : value);
        }
      }
      Matcher select = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL)
          .matcher(form);
      while (select.find()) {
        Matcher selected = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected")
            .matcher(select.group(2));
        fields.put(attr(select.group(1), "name"), selected.find() ? selected.group(1) : "");
      }
      return fields;
    }

    private static String attr(String tag, String name) {
      Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
      return m.find() ? m.group(1) : null;
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
  }
}
