package dev.restock.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.web.Http;
import dev.restock.web.WebDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's contract over real HTTP on the demo fleet, run against each database by a subclass
 * that starts the application on it (one Spring context per subclass). Tests make their own
 * products and orders, so they do not depend on each other's order.
 */
abstract class ApiContract {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  Http admin;
  Http driver;
  Http anonymous;

  @BeforeEach
  void clients() {
    admin = new Http(port, "admin", WebDatabases.ADMIN_PASSWORD);
    driver = new Http(port, "driver", WebDatabases.DRIVER_PASSWORD);
    anonymous = new Http(port, null, null);
  }

  // ---------------------------------------------------------------- a full day over HTTP

  @Test
  void aFullDayOnTheDemoRoute() {
    UUID route = demoRoute();
    JsonNode preview = ok(admin.get("/api/routes/" + route + "/pick-list"));
    assertThat(preview.get("routeCode").asString()).isEqualTo("DEMO-1");
    assertThat(preview.get("strategyId").asString()).isEqualTo("fill-to-par");
    assertThat(preview.get("lines").size()).isGreaterThan(0);
    assertThat(preview.get("totals").size()).isGreaterThan(0);
    HttpResponse<String> unknownStrategy =
        admin.get("/api/routes/" + route + "/pick-list?strategy=no-such-strategy");
    assertThat(unknownStrategy.statusCode()).isEqualTo(422);

    HttpResponse<String> created = admin.post("/api/service-orders",
        json(Map.of("routeId", route, "strategyId", "fill-to-par")));
    JsonNode order = status(created, 201);
    String orderId = order.get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/api/service-orders/" + orderId));
    assertThat(order.get("status").asString()).isEqualTo("PENDING");
    assertThat(order.get("visits").size()).isGreaterThanOrEqualTo(2);

    UUID driverId = userId("driver");
    JsonNode assigned = ok(admin.post("/api/service-orders/" + orderId + "/assign",
        json(Map.of("driverId", driverId, "reason", "morning shift"))));
    assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
    assertThat(assigned.get("driverId").asString()).isEqualTo(driverId.toString());

    JsonNode note = ok(admin.post("/api/service-orders/" + orderId + "/dispatch", null));
    String noteNumber = note.get("number").asString();
    assertThat(note.get("orderId").asString()).isEqualTo(orderId);
    assertThat(note.get("lines").size()).isGreaterThan(0);
    JsonNode notes = ok(admin.get("/api/delivery-notes?orderId=" + orderId));
    assertThat(notes.get("total").asLong()).isEqualTo(1);
    assertThat(notes.get("items").get(0).get("number").asString()).isEqualTo(noteNumber);
    assertThat(ok(admin.get("/api/delivery-notes/" + noteNumber)).get("orderId").asString())
        .isEqualTo(orderId);
    assertThat(ok(admin.get("/api/service-orders/" + orderId)).get("status").asString())
        .isEqualTo("IN_PROGRESS");

    // the driver completes one visit with a quantity per slot, one less than planned
    JsonNode dispatched = ok(driver.get("/api/service-orders/" + orderId));
    JsonNode visit = null;
    for (JsonNode v : dispatched.get("visits")) {
      if (v.get("lines").size() > 0 && v.get("lines").get(0).get("planned").asInt() > 0) {
        visit = v;
        break;
      }
    }
    assertThat(visit).as("a visit with something to deliver").isNotNull();
    String visitId = visit.get("id").asString();
    JsonNode line = visit.get("lines").get(0);
    int planned = line.get("planned").asInt();
    Map<String, Integer> delivered = new LinkedHashMap<>();
    delivered.put(line.get("slotId").asString(), null);
    String completeVisit = "/api/service-orders/" + orderId + "/visits/" + visitId + "/complete";
    assertThat(strings(status(driver.post(completeVisit, json(Map.of("delivered", delivered))),
        422).get("errors"))).containsExactly("delivered[" + line.get("slotId").asString()
        + "]: is required");
    delivered.put(line.get("slotId").asString(), -2);
    status(driver.post(completeVisit, json(Map.of("delivered", delivered))), 422);
    delivered.put(line.get("slotId").asString(), planned - 1);
    JsonNode afterVisit = ok(driver.post("/api/service-orders/" + orderId + "/visits/" + visitId
        + "/complete", json(Map.of("delivered", delivered, "notes", "one short"))));
    JsonNode completed = visitOf(afterVisit, visitId);
    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("notes").asString()).isEqualTo("one short");
    assertThat(lineOf(completed, line.get("slotId").asString()).get("delivered").asInt())
        .isEqualTo(planned - 1);

    // and skips another
    String other = null;
    for (JsonNode v : afterVisit.get("visits")) {
      if (v.get("status").asString().equals("PENDING")) {
        other = v.get("id").asString();
        break;
      }
    }
    assertThat(other).isNotNull();
    // another driver may not touch an order that is not theirs
    String otherDriver = "relief-" + UUID.randomUUID().toString().substring(0, 6);
    status(admin.post("/api/accounts", json(Map.of("username", otherDriver, "email",
        otherDriver + "@restock.example", "role", "DRIVER", "password", "relief-pw-1"))), 201);
    JsonNode notTheirs = status(new Http(port, otherDriver, "relief-pw-1").post(
        "/api/service-orders/" + orderId + "/visits/" + other + "/skip",
        json(Map.of("reason", "not mine"))), 403);
    assertThat(notTheirs.get("detail").asString()).contains("not assigned");
    JsonNode afterSkip = ok(driver.post("/api/service-orders/" + orderId + "/visits/" + other
        + "/skip", json(Map.of("reason", "machine blocked by a delivery van"))));
    assertThat(visitOf(afterSkip, other).get("status").asString()).isEqualTo("SKIPPED");
    assertThat(visitOf(afterSkip, other).get("notes").asString())
        .isEqualTo("machine blocked by a delivery van");

    // a visit closed once cannot be closed again
    assertThat(driver.post("/api/service-orders/" + orderId + "/visits/" + other + "/complete",
        null).statusCode()).isEqualTo(409);

    // the order's history shows every step, with who made it
    JsonNode history = ok(admin.get("/api/history/service-order/" + orderId));
    List<String> statuses = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    List<String> visitChanges = new ArrayList<>();
    Map<String, String> actorOf = new LinkedHashMap<>();
    for (JsonNode entry : history) {
      String action = entry.get("info").get("action").asString();
      actions.add(action);
      actorOf.put(action, entry.get("info").get("actorId").asString());
      for (JsonNode change : entry.get("changes")) {
        String field = change.get("field").asString();
        if (field.equals("status")) {
          statuses.add(change.get("oldValue").asString("") + "->"
              + change.get("newValue").asString());
        } else if (field.startsWith("visit[")) {
          visitChanges.add(change.get("newValue").asString(""));
        }
      }
    }
    assertThat(history.get(0).get("kind").asString()).isEqualTo("CREATED");
    assertThat(actions).containsSubsequence("service-order.create", "service-order.assign",
        "service-order.dispatch", "service-order.complete-visit", "service-order.skip-visit");
    assertThat(statuses).contains("PENDING->ASSIGNED", "ASSIGNED->IN_PROGRESS");
    assertThat(visitChanges).anySatisfy(v -> assertThat(v).contains("status=COMPLETED"))
        .anySatisfy(v -> assertThat(v).contains("status=SKIPPED"));
    assertThat(actorOf.get("service-order.assign")).isEqualTo(userId("admin").toString());
    assertThat(actorOf.get("service-order.complete-visit")).isEqualTo(driverId.toString());
    assertThat(actorOf.get("service-order.skip-visit")).isEqualTo(driverId.toString());
  }

  @Test
  void anOrderCanBeCreatedAssignedAtOnceAndCancelledButACancelledOneIsNotDispatched() {
    UUID route = demoRoute();
    UUID driverId = userId("driver");
    assertThat(strings(status(admin.post("/api/service-orders", "{\"routeId\":\"" + route
        + "\",\"cabinetIds\":[null]}"), 422).get("errors"))).containsExactly(
        "cabinetIds[0]: is required");
    JsonNode order = status(admin.post("/api/service-orders",
        json(Map.of("routeId", route, "driverId", driverId))), 201);
    assertThat(order.get("status").asString()).isEqualTo("ASSIGNED");
    String id = order.get("id").asString();
    assertThat(status(admin.post("/api/service-orders/" + id + "/cancel", json(Map.of())), 422)
        .get("errors").toString()).contains("reason: is required");
    JsonNode cancelled = ok(admin.post("/api/service-orders/" + id + "/cancel",
        json(Map.of("reason", "public holiday"))));
    assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
    JsonNode refused = status(admin.post("/api/service-orders/" + id + "/dispatch", null), 409);
    assertThat(refused.get("detail").asString()).contains("CANCELLED");
    JsonNode found = ok(admin.get("/api/service-orders?status=CANCELLED&size=1000"));
    assertThat(ids(found.get("items"))).contains(id);
  }

  // ---------------------------------------------------------------- errors

  @Test
  void aBadProductIsRefusedWithEveryFieldAndNothingIsWritten() {
    long before = ok(admin.get("/api/products?size=1")).get("total").asLong();
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("sku", "   ");
    bad.put("name", "");
    bad.put("price", -1.5);
    bad.put("casePack", 0);
    JsonNode problem = status(admin.post("/api/products", json(bad)), 422);
    List<String> errors = strings(problem.get("errors"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("sku: "))
        .anySatisfy(e -> assertThat(e).startsWith("name: "))
        .anySatisfy(e -> assertThat(e).startsWith("price: "))
        .anySatisfy(e -> assertThat(e).startsWith("casePack: "));
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(ok(admin.get("/api/products?size=1")).get("total").asLong()).isEqualTo(before);
  }

  @Test
  void unknownIdsAreNotFound() {
    UUID unknown = UUID.randomUUID();
    JsonNode problem = status(admin.get("/api/products/" + unknown), 404);
    assertThat(problem.get("detail").asString()).contains(unknown.toString());
    status(admin.get("/api/service-orders/" + unknown), 404);
    status(admin.get("/api/history/product/" + unknown), 404);
    status(admin.get("/api/delivery-notes/DN-NOPE-1"), 404);
    status(admin.get("/api/history/no-such-type/" + unknown), 422);
    status(admin.get("/api/products/not-a-uuid"), 400);
  }

  @Test
  void aDuplicateSkuIsAConflict() {
    String sku = sku();
    status(admin.post("/api/products", product(sku, "First")), 201);
    JsonNode problem = status(admin.post("/api/products", product(sku, "Second")), 409);
    assertThat(problem.get("errors").size()).isEqualTo(1);
  }

  @Test
  void pagingOutOfRangeIsRefusedNotFailed() {
    assertThat(strings(status(admin.get("/api/products?size=0"), 422).get("errors")))
        .anySatisfy(e -> assertThat(e).startsWith("size: "));
    assertThat(strings(status(admin.get("/api/products?page=-1"), 422).get("errors")))
        .anySatisfy(e -> assertThat(e).startsWith("page: "));
    status(admin.get("/api/products?size=100000"), 422);
    status(admin.get("/api/products?page=2147483647&size=1000"), 422);
    status(admin.get("/api/products?page=99999999999"), 400);
    assertThat(strings(status(admin.get("/api/products?size=ten"), 400).get("errors")))
        .containsExactly("size: must be a whole number (was 'ten')");
    assertThat(strings(status(admin.get("/api/products?visibility=SOME"), 400).get("errors")))
        .singleElement().satisfies(e -> assertThat(e).startsWith("visibility: must be one of ")
            .contains("LIVE").endsWith("(was 'SOME')").doesNotContain("dev.restock"));
    status(admin.get("/api/audit/events?size=5000"), 422);
    status(admin.get("/api/service-orders?page=-3"), 422);
    JsonNode page = ok(admin.get("/api/products?page=0&size=2"));
    assertThat(page.get("items").size()).isEqualTo(2);
    assertThat(page.get("size").asInt()).isEqualTo(2);
  }

  @Test
  void aDriverIsRefusedWhatOnlyTheBackOfficeMayDo() {
    JsonNode problem = status(driver.post("/api/products", product(sku(), "Driver's own")), 403);
    assertThat(problem.get("detail").asString()).contains("product.create");
    status(driver.post("/api/accounts", json(Map.of("username", "sneaky", "email",
        "sneaky@restock.example", "role", "ADMIN", "password", "long-enough-pw"))), 403);
    // reading is allowed
    ok(driver.get("/api/products"));
  }

  @Test
  void callsWithoutCredentialsAreChallenged() {
    HttpResponse<String> response = anonymous.get("/api/service-orders");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Basic"));
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    assertThat(anonymous.post("/api/products", product(sku(), "x")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void stateChangingCallsABrowserMakesForAnotherSiteAreRefusedAndChangeNothing() {
    long before = ok(admin.get("/api/products?size=1")).get("total").asLong();
    HttpResponse<String> evil = admin.send(admin.request("/api/products")
        .header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(product(sku(), "Forged"))));
    assertThat(evil.statusCode()).as(evil.body()).isEqualTo(403);
    assertThat(JSON.readTree(evil.body()).get("detail").asString()).contains("cross-site");
    HttpResponse<String> fetched = admin.send(admin.request("/api/products")
        .header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.ofString(product(sku(), "Forged"))));
    assertThat(fetched.statusCode()).isEqualTo(403);
    assertThat(ok(admin.get("/api/products?size=1")).get("total").asLong()).isEqualTo(before);
    // this server's own origin, and reads from anywhere, pass
    status(admin.send(admin.request("/api/products")
        .header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin")
        .POST(HttpRequest.BodyPublishers.ofString(product(sku(), "Own page")))), 201);
    ok(admin.send(admin.request("/api/products?size=1").header("Origin", "http://evil.example")
        .GET()));
  }

  @Test
  void requestsNoEndpointTakesAndBodiesThatAreNotJsonAreProblemDocuments() {
    JsonNode none = status(admin.get("/api/no-such-thing"), 404);
    assertThat(none.get("detail").asString()).contains("GET /api/no-such-thing");
    assertThat(none.get("requestId").asString()).isNotBlank();
    status(admin.delete("/api/routes"), 404);
    JsonNode form = status(admin.send(admin.request("/api/products")
        .setHeader("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("sku=X&name=Y"))), 415);
    assertThat(strings(form.get("errors"))).singleElement().satisfies(
        e -> assertThat(e).startsWith("Content-Type: must be application/json"));
  }

  @Test
  void aReasonLongerThanHistoryHoldsIsRefusedAndALongUserAgentIsCut() {
    long before = ok(admin.get("/api/products?size=1")).get("total").asLong();
    JsonNode refused = status(admin.send(admin.request("/api/products")
        .header("X-Reason", "r".repeat(501))
        .POST(HttpRequest.BodyPublishers.ofString(product(sku(), "Too why")))), 422);
    assertThat(strings(refused.get("errors"))).singleElement().satisfies(
        e -> assertThat(e).startsWith("actor.reason: must be at most 500 characters"));
    assertThat(ok(admin.get("/api/products?size=1")).get("total").asLong()).isEqualTo(before);

    String agent = "Agent/" + "a".repeat(700);
    JsonNode created = status(admin.send(admin.request("/api/products").header("User-Agent", agent)
        .header("X-Reason", "r".repeat(500))
        .POST(HttpRequest.BodyPublishers.ofString(product(sku(), "Long agent")))), 201);
    JsonNode info = ok(admin.get("/api/history/product/" + created.get("id").asString()))
        .get(0).get("info");
    assertThat(info.get("userAgent").asString()).isEqualTo(agent.substring(0, 500));
    assertThat(info.get("reason").asString()).hasSize(500);
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsRefused() {
    String username = "long-" + UUID.randomUUID().toString().substring(0, 6);
    JsonNode refused = status(admin.post("/api/accounts", json(Map.of("username", username,
        "email", username + "@restock.example", "role", "DRIVER", "password",
        "p".repeat(73)))), 422);
    assertThat(strings(refused.get("errors"))).singleElement().satisfies(
        e -> assertThat(e).startsWith("password: must be at most 72 bytes"));
    assertThat(ok(admin.get("/api/users?size=1000")).get("items").toString())
        .doesNotContain(username);
  }

  // ---------------------------------------------------------------- who, from where, why

  @Test
  void theActorAddressAgentAndRequestIdReachHistoryAndAuditEvents() {
    String requestId = "api-test-" + UUID.randomUUID().toString().substring(0, 8);
    String sku = sku();
    HttpResponse<String> response = admin.send(admin.request("/api/products")
        .header("X-Request-Id", requestId)
        .header("User-Agent", "ApiContract/1.0")
        .header("X-Reason", "new line for the summer")
        .POST(HttpRequest.BodyPublishers.ofString(product(sku, "Iced tea"))));
    JsonNode product = status(response, 201);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    String id = product.get("id").asString();

    JsonNode info = ok(admin.get("/api/history/product/" + id)).get(0).get("info");
    assertThat(info.get("actorId").asString()).isEqualTo(userId("admin").toString());
    assertThat(info.get("clientAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(info.get("userAgent").asString()).isEqualTo("ApiContract/1.0");
    assertThat(info.get("correlationId").asString()).isEqualTo(requestId);
    assertThat(info.get("reason").asString()).isEqualTo("new line for the summer");
    assertThat(info.get("action").asString()).isEqualTo("product.create");

    JsonNode events = ok(admin.get("/api/audit/events?correlationId=" + requestId));
    assertThat(events.get("total").asLong()).isEqualTo(1);
    JsonNode event = events.get("items").get(0);
    assertThat(event.get("action").asString()).isEqualTo("product.create");
    assertThat(event.get("resourceId").asString()).isEqualTo(id);
    assertThat(event.get("actorId").asString()).isEqualTo(userId("admin").toString());
    assertThat(event.get("clientAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(event.get("userAgent").asString()).isEqualTo("ApiContract/1.0");

    // an error carries the request id too
    HttpResponse<String> failed = admin.send(admin.request("/api/products/" + UUID.randomUUID())
        .header("X-Request-Id", requestId + "-404").GET());
    assertThat(status(failed, 404).get("requestId").asString()).isEqualTo(requestId + "-404");
    assertThat(failed.headers().firstValue("X-Request-Id")).hasValue(requestId + "-404");
  }

  // ---------------------------------------------------------------- delete, restore, history

  @Test
  void aProductIsDeletedSeenAmongTheDeletedAndRestored() {
    String sku = sku();
    String id = status(admin.post("/api/products", product(sku, "Short-lived")), 201)
        .get("id").asString();
    HttpResponse<String> deleted = admin.delete("/api/products/" + id);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    status(admin.get("/api/products/" + id), 404);
    status(admin.delete("/api/products/" + id), 404);

    JsonNode gone = ok(admin.get("/api/deleted/product?size=1000"));
    JsonNode mine = null;
    for (JsonNode d : gone.get("items")) {
      if (d.get("id").asString().equals(id)) {
        mine = d;
      }
    }
    assertThat(mine).as("the product among the deleted").isNotNull();
    assertThat(mine.get("entity").get("sku").asString()).isEqualTo(sku);
    assertThat(mine.get("deletion").get("info").get("actorId").asString())
        .isEqualTo(userId("admin").toString());
    assertThat(ids(ok(admin.get("/api/products?visibility=ONLY_DELETED&size=1000"))
        .get("items"))).contains(id);

    JsonNode restored = ok(admin.post("/api/products/" + id + "/restore", null));
    assertThat(restored.get("deletedAt").isNull()).isTrue();
    assertThat(ok(admin.get("/api/products/" + id)).get("sku").asString()).isEqualTo(sku);
    assertThat(ids(ok(admin.get("/api/deleted/product?size=1000")).get("items")))
        .doesNotContain(id);

    List<String> kinds = new ArrayList<>();
    for (JsonNode entry : ok(admin.get("/api/history/product/" + id))) {
      kinds.add(entry.get("kind").asString());
    }
    assertThat(kinds).containsExactly("CREATED", "DELETED", "MODIFIED");

    // and again through the generic restore
    status(admin.delete("/api/products/" + id), 204);
    assertThat(ok(admin.post("/api/deleted/product/" + id + "/restore", null)).get("id")
        .asString()).isEqualTo(id);
    status(admin.post("/api/deleted/stock/" + id + "/restore", null), 422);
  }

  @Test
  void aProductIsChangedAndTheChangeIsInItsHistoryAndAsOf() {
    String sku = sku();
    JsonNode created = status(admin.post("/api/products", product(sku, "Lemonade")), 201);
    String id = created.get("id").asString();
    long versionBefore = created.get("version").asLong();
    JsonNode changed = ok(admin.send(admin.request("/api/products/" + id).method("PATCH",
        HttpRequest.BodyPublishers.ofString(json(Map.of("price", 2.25, "name", "Lemonade 50cl"))))));
    assertThat(changed.get("name").asString()).isEqualTo("Lemonade 50cl");
    assertThat(changed.get("price").decimalValue()).isEqualByComparingTo("2.25");
    assertThat(changed.get("casePack").asInt()).isEqualTo(12);
    JsonNode history = ok(admin.get("/api/history/product/" + id));
    assertThat(history.size()).isEqualTo(2);
    List<String> fields = new ArrayList<>();
    for (JsonNode c : history.get(1).get("changes")) {
      fields.add(c.get("field").asString() + ":" + c.get("oldValue").asString() + "->"
          + c.get("newValue").asString());
    }
    assertThat(fields).contains("name:Lemonade->Lemonade 50cl");
    String firstAt = history.get(0).get("info").get("at").asString();
    JsonNode asOf = ok(admin.get("/api/history/product/" + id + "/as-of?at=" + firstAt));
    assertThat(asOf.get("state").get("name").asString()).isEqualTo("Lemonade");
    assertThat(changed.get("version").asLong()).isGreaterThan(versionBefore);
    status(admin.send(admin.request("/api/products/" + id).method("PATCH",
        HttpRequest.BodyPublishers.ofString(json(Map.of("price", -3))))), 422);
  }

  // ---------------------------------------------------------------- fleet, stock, users

  @Test
  void aDeviceIsSetUpWithItsPlanogramAndASlotIsSet() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String location = status(admin.post("/api/locations",
        json(Map.of("name", "Airport " + suffix, "address", "Terminal 2"))), 201)
        .get("id").asString();
    String type = status(admin.post("/api/device-types",
        json(Map.of("name", "Slim " + suffix, "maxCabinets", 1))), 201).get("id").asString();
    String cabinetType = status(admin.post("/api/cabinet-types",
        json(Map.of("name", "Frozen " + suffix))), 201).get("id").asString();
    String route = status(admin.post("/api/routes",
        json(Map.of("code", "R-" + suffix, "name", "Airport route"))), 201).get("id").asString();
    assertThat(ok(admin.get("/api/routes/" + route)).get("visitIntervalDays").asInt())
        .isEqualTo(7);
    String productId = status(admin.post("/api/products", product(sku(), "Ice cream")), 201)
        .get("id").asString();

    // every broken part of the request at once
    Map<String, Object> badCabinet = Map.of("index", 1, "cabinetTypeId", cabinetType,
        "rows", 0, "columns", 99);
    Map<String, Object> badSlot = Map.of("position", "Z9", "productId", productId,
        "capacity", 10, "parLevel", 5);
    JsonNode problem = status(admin.post("/api/devices", json(Map.of("name", "",
        "serialNumber", "SN-" + suffix, "locationId", location, "deviceTypeId", type,
        "cabinets", List.of(badCabinet), "planograms", List.of(Map.of("cabinetIndex", 1,
            "name", "Frozen", "slots", List.of(badSlot)))))), 422);
    assertThat(strings(problem.get("errors"))).anySatisfy(
        e -> assertThat(e).startsWith("cabinets[0].rows: ")).anySatisfy(
        e -> assertThat(e).startsWith("cabinets[0].columns: ")).anySatisfy(
        e -> assertThat(e).startsWith("planograms[0].slots[0].position: "));

    Map<String, Object> cabinet = Map.of("index", 1, "cabinetTypeId", cabinetType,
        "rows", 2, "columns", 3);
    Map<String, Object> slot = Map.of("position", "A1", "productId", productId,
        "capacity", 10, "parLevel", 8, "quantity", 2);
    HttpResponse<String> response = admin.post("/api/devices", json(Map.of(
        "name", "Airport freezer", "serialNumber", "SN-" + suffix, "locationId", location,
        "routeId", route, "deviceTypeId", type, "cabinets", List.of(cabinet),
        "planograms", List.of(Map.of("cabinetIndex", 1, "name", "Frozen", "slots",
            List.of(slot))))));
    JsonNode setup = status(response, 201);
    String deviceId = setup.get("device").get("id").asString();
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/api/devices/" + deviceId));
    String cabinetId = setup.get("device").get("cabinets").get(0).get("id").asString();
    JsonNode fetched = ok(admin.get("/api/devices/" + deviceId));
    assertThat(fetched.get("planograms").get(0).get("slots").get(0).get("position").asString())
        .isEqualTo("A1");

    JsonNode planogram = ok(admin.put("/api/cabinets/" + cabinetId + "/planogram/slots/b2",
        json(Map.of("productId", productId, "capacity", 6, "parLevel", 4))));
    assertThat(positions(planogram)).containsExactlyInAnyOrder("A1", "B2");
    JsonNode active = ok(admin.get("/api/cabinets/" + cabinetId + "/planogram"));
    assertThat(positions(active)).containsExactlyInAnyOrder("A1", "B2");
    String planogramId = active.get("id").asString();
    JsonNode renamed = ok(admin.send(admin.request("/api/planograms/" + planogramId)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json(Map.of("name",
            "Frozen goods"))))));
    assertThat(renamed.get("name").asString()).isEqualTo("Frozen goods");
    assertThat(positions(renamed)).containsExactlyInAnyOrder("A1", "B2");
    assertThat(ok(admin.get("/api/planograms/" + planogramId)).get("name").asString())
        .isEqualTo("Frozen goods");
    // the new route's preview fills A1 to par
    JsonNode preview = ok(admin.get("/api/routes/" + route + "/pick-list"));
    assertThat(preview.get("totals").get(0).get("productId").asString()).isEqualTo(productId);
  }

  @Test
  void stockIsReceivedAndAdjustedButNeverBelowZero() {
    String productId = status(admin.post("/api/products", product(sku(), "Crackers")), 201)
        .get("id").asString();
    assertThat(ok(admin.get("/api/stock/" + productId)).get("onHand").asInt()).isZero();
    JsonNode received = ok(admin.post("/api/stock/" + productId + "/receive",
        json(Map.of("units", 30, "reason", "supplier delivery"))));
    assertThat(received.get("onHand").asInt()).isEqualTo(30);
    JsonNode adjusted = ok(admin.post("/api/stock/" + productId + "/adjust",
        json(Map.of("delta", -4, "reason", "broken on the shelf"))));
    assertThat(adjusted.get("onHand").asInt()).isEqualTo(26);
    status(admin.post("/api/stock/" + productId + "/adjust",
        json(Map.of("delta", -100, "reason", "count"))), 409);
    assertThat(strings(status(admin.post("/api/stock/" + productId + "/adjust",
        json(Map.of("delta", 1))), 422).get("errors"))).containsExactly("reason: is required");
    status(admin.post("/api/stock/" + productId + "/receive", json(Map.of("units", 0))), 422);
    JsonNode levels = ok(admin.get("/api/stock"));
    boolean seen = false;
    for (JsonNode l : levels) {
      if (l.get("productId").asString().equals(productId)) {
        seen = true;
        assertThat(l.get("onHand").asInt()).isEqualTo(26);
      }
    }
    assertThat(seen).isTrue();
  }

  /**
   * Makes the database refuse inserting the host account named {@code username} (a trigger), so
   * that the account's second write fails after the engine created the user.
   */
  protected abstract void refuseAccountInsertsNamed(String username);

  @Test
  void anAccountWhoseHostRowCannotBeWrittenLeavesNoRestockUserBehind() {
    String username = "boom-" + UUID.randomUUID().toString().substring(0, 6);
    refuseAccountInsertsNamed(username);
    HttpResponse<String> response = admin.post("/api/accounts", json(Map.of("username",
        username, "email", username + "@restock.example", "role", "DRIVER", "password",
        "boom-secret-1")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(JSON.readTree(response.body()).get("detail").asString())
        .isEqualTo("the database refused the change; nothing was written");
    assertThat(ok(admin.get("/api/users?size=1000")).get("items").toString())
        .doesNotContain(username);
  }

  @Test
  void anAdministratorAddsAnAccountThatCanSignIn() {
    String username = "dora-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> account = Map.of("username", username,
        "email", username + "@restock.example", "role", "DRIVER", "password", "dora-secret-1");
    HttpResponse<String> response = admin.post("/api/accounts", json(account));
    JsonNode user = status(response, 201);
    assertThat(user.get("role").asString()).isEqualTo("DRIVER");
    assertThat(user.toString()).doesNotContain("dora-secret-1");
    Http dora = new Http(port, username, "dora-secret-1");
    assertThat(ok(dora.get("/api/users?size=1000")).get("items").toString()).contains(username);
    status(admin.post("/api/accounts", json(account)), 409);
    assertThat(strings(status(admin.post("/api/accounts", json(Map.of("username", "x-" + username,
        "email", "not-an-email", "role", "DRIVER", "password", "short"))), 422).get("errors")))
        .anySatisfy(e -> assertThat(e).startsWith("email: "))
        .anySatisfy(e -> assertThat(e).startsWith("password: "));
    status(admin.post("/api/accounts", json(Map.of("username", "y-" + username,
        "email", "y@restock.example", "role", "EMPEROR", "password", "long-enough"))), 400);
    JsonNode plain = status(admin.post("/api/users", json(Map.of("username", "u-" + username,
        "email", "u-" + username + "@restock.example", "role", "VIEWER"))), 201);
    assertThat(ok(admin.get("/api/users/" + plain.get("id").asString())).get("role").asString())
        .isEqualTo("VIEWER");
  }

  // ---------------------------------------------------------------- audit, health, docs

  @Test
  void historyVerifiesIntactAndTheEngineIsHealthy() {
    JsonNode verification = ok(admin.get("/api/audit/verify"));
    assertThat(verification.get("intact").asBoolean()).isTrue();
    assertThat(verification.get("problems").size()).isZero();
    assertThat(verification.get("revisions").asLong()).isPositive();
    assertThat(verification.get("head").get("size").asLong()).isPositive();
    JsonNode health = ok(admin.get("/api/health"));
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("schemaVersion").isNull()).isFalse();
    assertThat(health.get("store").asString()).isNotBlank();
  }

  @Test
  void theOpenApiDocumentListsThePathsAndTheBasicScheme() {
    JsonNode doc = ok(anonymous.get("/v3/api-docs"));
    assertThat(doc.get("info").get("title").asString()).isEqualTo("Restock API");
    List<String> paths = new ArrayList<>(doc.get("paths").propertyNames());
    assertThat(paths).contains("/api/products", "/api/products/{id}",
        "/api/products/{id}/restore", "/api/routes/{id}/pick-list", "/api/service-orders",
        "/api/service-orders/{id}/dispatch",
        "/api/service-orders/{id}/visits/{visitId}/complete", "/api/stock",
        "/api/delivery-notes", "/api/history/{type}/{id}", "/api/deleted/{type}",
        "/api/audit/events", "/api/audit/verify", "/api/health", "/api/accounts",
        "/api/devices", "/api/cabinets/{cabinetId}/planogram");
    JsonNode scheme = doc.get("components").get("securitySchemes").get("basic");
    assertThat(scheme.get("type").asString()).isEqualTo("http");
    assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
    assertThat(doc.get("security").get(0).has("basic")).isTrue();
  }

  // ---------------------------------------------------------------- helpers

  UUID demoRoute() {
    for (JsonNode r : ok(admin.get("/api/routes?size=1000")).get("items")) {
      if (r.get("code").asString().equals("DEMO-1")) {
        return UUID.fromString(r.get("id").asString());
      }
    }
    throw new AssertionError("no route DEMO-1");
  }

  UUID userId(String username) {
    for (JsonNode u : ok(admin.get("/api/users?size=1000")).get("items")) {
      if (u.get("username").asString().equals(username)) {
        return UUID.fromString(u.get("id").asString());
      }
    }
    throw new AssertionError("no user " + username);
  }

  static String sku() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String product(String sku, String name) {
    return json(Map.of("sku", sku, "name", name, "category", "Test", "price", 1.25,
        "casePack", 12));
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  static JsonNode ok(HttpResponse<String> response) {
    return status(response, 200);
  }

  static JsonNode status(HttpResponse<String> response, int expected) {
    assertThat(response.statusCode()).as("status of %s %s: %s", response.request().method(),
        response.request().uri(), response.body()).isEqualTo(expected);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  static JsonNode visitOf(JsonNode order, String visitId) {
    for (JsonNode v : order.get("visits")) {
      if (v.get("id").asString().equals(visitId)) {
        return v;
      }
    }
    throw new AssertionError("no visit " + visitId);
  }

  static JsonNode lineOf(JsonNode visit, String slotId) {
    for (JsonNode l : visit.get("lines")) {
      if (l.get("slotId").asString().equals(slotId)) {
        return l;
      }
    }
    throw new AssertionError("no line for slot " + slotId);
  }

  static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  static List<String> positions(JsonNode planogram) {
    List<String> positions = new ArrayList<>();
    planogram.get("slots").forEach(s -> positions.add(s.get("position").asString()));
    return positions;
  }
}
