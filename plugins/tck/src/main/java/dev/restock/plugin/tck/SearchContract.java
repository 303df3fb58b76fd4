package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Criteria.Operator;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search through the whole engine, on any store: criteria that name an undeclared field, a value
 * of the wrong type or the wrong number of values are one {@link ValidationException} naming
 * each problem; classic SQL-injection strings at every text field of every searchable aggregate
 * and at every sort key find nothing and change nothing; text search (contains and portable
 * regular expressions) matches alike everywhere. Operators, sorting and paging at the port are
 * checked by {@link StoreContract}.
 *
 * <p>Extend it with an engine on a new, empty store; a store may also answer {@link
 * #storedCounts} so the injection test checks what the store keeps behind its ports too.
 */
public abstract class SearchContract {
  private static final String[] ATTACKS = {"' or '1'='1", "'; drop table product; --",
      "\\' or 1=1 --", "%' union select username from app_user --", "COLA' --", "_%",
      ") or (1=1", "\") or 1=1 --"};

  private Restock engine;
  private RestockSession session;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Counts of what the store keeps behind its ports, each under a name of the store's choosing
   * (say, one per kind of record it stores: aggregates, their children, stock, sales, revisions,
   * audit events), deleted entries included. The injection test compares them before and after
   * its attacks. Empty (the default) for a store with nothing to count beyond what its ports
   * show.
   *
   * @return counts by name, read now; the same names on every call
   */
  protected Map<String, Long> storedCounts() {
    return Map.of();
  }

  /**
   * Statements the store has sent to its database so far, for stores that count them; empty
   * (the default) for stores without. Refused criteria must not add any.
   */
  protected OptionalLong statementsRun() {
    return OptionalLong.empty();
  }

  @BeforeEach
  void startEngine() {
    engine = openEngine();
    // client, agent and correlation id so every text field of an audit event has a value
    session = engine.as(Actor.system().withClientAddress("10.0.0.7")
        .withUserAgent("search-suite/1").withCorrelationId("corr-1"));
    Object[][] products = {{"COLA", "Cola", "Drinks", "1.50", 24},
        {"TEA", "Green Tea", "Drinks", "1.20", 6}, {"CHIPS", "Chips", "Snacks", "0.80", 10},
        {"100%_JUICE", "Juice 100% Orange", "Drinks", "2.10", 12},
        {"100X-JUICE", "Juice 100 Apple", "Drinks", "2.00", 12},
        {"WATER", "Still water", "Drinks", "0.90", 12}};
    for (Object[] p : products) {
      session.products().create(new CreateProduct((String) p[0], (String) p[1], (String) p[2],
          new BigDecimal((String) p[3]), (Integer) p[4]));
    }
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  // ---------------------------------------------------------------- criteria validation

  @Test
  public void unknownFieldsAndBadValuesAreNamedTogether() {
    Criteria bad = Criteria.where("password", Operator.EQ, "x")
        .and("price", Operator.LT, "cheap")
        .and("name", Operator.BETWEEN, "a")
        .and("casePack", Operator.CONTAINS, "1")
        .sortBy("sku; drop table product", false);
    OptionalLong before = statementsRun();

    assertThatThrownBy(() -> session.products().find(bad, PageRequest.of(0, 10), Visibility.LIVE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field)
            .containsExactly("filters[0].field", "filters[1].values", "filters[2].values",
                "filters[3].operator", "sort[0].field"))
        .hasMessageContaining("'password' is not a searchable field of product");
    assertThat(statementsRun()).as("statements after a refused search").isEqualTo(before);
  }

  @Test
  public void orderNoteSaleStockAndEventCriteriaNameEveryProblem() {
    OptionalLong before = statementsRun();
    assertThatThrownBy(() -> session.serviceOrders().find(Criteria.where("driver", Operator.EQ,
        "x").and("status", Operator.LT).sortBy("number desc; drop table service_order", false),
        PageRequest.of(0, 10))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(Violation::field)
            .containsExactly("filters[0].field", "filters[1].values", "sort[0].field"));
    assertThatThrownBy(() -> session.stock().deliveryNotes(Criteria.where("orderNumber; --",
        Operator.EQ, "x").and("issuedAt", Operator.GT, "' or 1=1 --")
        .and("routeId", Operator.EQ, "' or '1'='1").sortBy("number desc; drop table x", false),
        PageRequest.of(0, 10))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(
            "filters[0].field", "filters[1].values", "filters[2].values", "sort[0].field"));
    assertThatThrownBy(() -> session.sales().find(Criteria.where("deviceId", Operator.EQ,
        "' or 1=1 --").and("units", Operator.CONTAINS, "1").and("price", Operator.GT, 1)
        .sortBy("sku'; delete from sale; --", true), PageRequest.of(0, 10)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("filters[0].values",
                "filters[1].operator", "filters[2].field", "sort[0].field"))
        .hasMessageContaining("'price' is not a searchable field of sale");
    assertThatThrownBy(() -> session.stock().levels(Criteria.where("onHand", Operator.LE,
        "few").and("warehouse", Operator.EQ, "A").and("sku", Operator.IN)
        .sortBy("on_hand", true), PageRequest.of(0, 10)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("filters[0].values",
                "filters[1].field", "filters[2].values", "sort[0].field"))
        .hasMessageContaining("'warehouse' is not a searchable field of stock level");
    assertThatThrownBy(() -> session.history().events(Criteria.where("details", Operator.CONTAINS,
        "x").and("at", Operator.GE, "last week").and("actorId", Operator.IN, "admin", "root"),
        PageRequest.of(0, 10))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(
            "filters[0].field", "filters[1].values", "filters[2].values", "filters[2].values"))
        .hasMessageContaining("'details' is not a searchable field of audit event");
    assertThat(statementsRun()).as("statements after refused searches").isEqualTo(before);
  }

  @Test
  public void otherAggregatesSearchTheirDeclaredFields() {
    Route north = session.routes().create(new CreateRoute("N1", "North", 7));
    session.routes().create(new CreateRoute("S1", "South", 14));
    session.locations().create(new CreateLocation("Depot", "1 Main St"));
    User ada = session.users().create(new CreateUser("ada", "ada@example.com", Role.DRIVER));
    session.users().create(new CreateUser("bob", "bob@example.com", Role.VIEWER));

    assertThat(session.routes().find(Criteria.where("visitIntervalDays", Operator.LT, 10),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(Route::id)
        .containsExactly(north.id());
    assertThat(session.users().find(Criteria.where("role", Operator.EQ, "DRIVER"),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(User::id)
        .containsExactly(ada.id());
    assertThat(session.locations().find(Criteria.where("address", Operator.EQ, "1 Main St"),
        PageRequest.of(0, 10), Visibility.LIVE).total()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- injection

  /**
   * A row in every searchable aggregate: route N1 with a device (one cabinet, planogram "M1"
   * needing COLA and TEA) where one cola was sold, a driver, and an order dispatched with its
   * delivery note.
   */
  private DeliveryNote fleetWithADispatchedOrder() {
    Product cola = session.products().getBySku("COLA");
    Product tea = session.products().getBySku("TEA");
    Route route = session.routes().create(new CreateRoute("N1", "North", 7));
    var location = session.locations().create(new CreateLocation("Depot", "1 Main St"));
    var type = session.deviceTypes().create(new CreateDeviceType("Tower", 1));
    var cabinetType = session.cabinetTypes().create(new CreateCabinetType("Ambient"));
    var setup = session.devices().setUp(new SetUpDevice(new CreateDevice("M1", "SN-M1", location.id(),
        route.id(), type.id(), List.of(new CabinetSpec(1, cabinetType.id(), 3, 3))),
        List.of(new CabinetPlanogram(1, "M1", List.of(
            new SlotSpec("A1", cola.id(), 10, 10, 1, null),
            new SlotSpec("A2", tea.id(), 8, 8, 1, null))))));
    session.sales().record(new RecordSales(List.of(
        SaleEntry.sold(setup.planograms().get(0).slotAt("A1").orElseThrow().id(), 1))));
    session.stock().receive(cola.id(), 100, "delivery");
    session.stock().receive(tea.id(), 100, "delivery");
    User dan = session.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));
    ServiceOrder order = session.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
    session.serviceOrders().assign(order.id(), dan.id());
    return session.serviceOrders().dispatch(order.id());
  }

  /** Total matches of a criteria on every searchable aggregate, by aggregate. */
  private Map<SearchFields, Function<Criteria, Long>> searches(Visibility visibility) {
    PageRequest page = PageRequest.of(0, 10);
    Map<SearchFields, Function<Criteria, Long>> searches = new LinkedHashMap<>();
    searches.put(SearchFields.PRODUCT, c -> session.products().find(c, page, visibility)
        .total());
    searches.put(SearchFields.LOCATION, c -> session.locations().find(c, page, visibility)
        .total());
    searches.put(SearchFields.ROUTE, c -> session.routes().find(c, page, visibility).total());
    searches.put(SearchFields.DEVICE_TYPE, c -> session.deviceTypes().find(c, page, visibility)
        .total());
    searches.put(SearchFields.CABINET_TYPE, c -> session.cabinetTypes().find(c, page,
        visibility).total());
    searches.put(SearchFields.DEVICE, c -> session.devices().find(c, page, visibility).total());
    searches.put(SearchFields.PLANOGRAM, c -> session.planograms().find(c, page, visibility)
        .total());
    searches.put(SearchFields.USER, c -> session.users().find(c, page, visibility).total());
    searches.put(SearchFields.SERVICE_ORDER, c -> session.serviceOrders().find(c, page).total());
    searches.put(SearchFields.DELIVERY_NOTE, c -> session.stock().deliveryNotes(c, page)
        .total());
    searches.put(SearchFields.SALE, c -> session.sales().find(c, page).total());
    searches.put(SearchFields.STOCK_LEVEL, c -> session.stock().levels(c, page).total());
    searches.put(SearchFields.AUDIT_EVENT, c -> session.history().events(c, page).total());
    return searches;
  }

  /**
   * What the store holds, as far as the API and {@link #storedCounts} can tell: every aggregate's
   * total with deleted rows, the stock levels, the revisions and the audit events.
   */
  private Map<String, Object> holdings() {
    Map<String, Object> holdings = new TreeMap<>();
    searches(Visibility.INCLUDE_DELETED).forEach((fields, total) ->
        holdings.put(fields.fields().keySet().toString(), total.apply(Criteria.all())));
    holdings.put("stock", session.stock().levels());
    holdings.put("revisions", session.history().verify().checked());
    holdings.put("events", session.history().events(null, java.time.Instant.EPOCH).size());
    storedCounts().forEach((name, n) -> holdings.put("stored " + name, n));
    return holdings;
  }

  @Test
  public void classicInjectionStringsAtEveryTextFilterAndSortFieldAreJustValues() {
    DeliveryNote note = fleetWithADispatchedOrder();
    Map<String, Object> before = holdings();
    int queries = 0;
    for (var search : searches(Visibility.LIVE).entrySet()) {
      SearchFields fields = search.getKey();
      Function<Criteria, Long> total = search.getValue();
      List<String> textFields = fields.fields().entrySet().stream()
          .filter(f -> f.getValue() == SearchFields.Type.TEXT).map(Map.Entry::getKey).toList();
      assertThat(textFields).as("text fields of %s", fields.fields().keySet()).isNotEmpty();
      for (String field : textFields) {
        long present = total.apply(Criteria.where(field, Operator.IS_NOT_NULL));
        assertThat(present).as("rows with %s", field).isPositive();
        for (String attack : attacks(note)) {
          // personal fields take exact matches only (PersonalSearchContract)
          for (Operator op : fields.personal().contains(field)
              ? List.of(Operator.EQ, Operator.NE, Operator.IN)
              : List.of(Operator.EQ, Operator.NE, Operator.CONTAINS, Operator.STARTS_WITH,
                  Operator.IN)) {
            assertThat(total.apply(Criteria.where(field, op, attack)))
                .as("%s %s %s %s", fields.fields().keySet(), field, op, attack)
                .isEqualTo(op == Operator.NE ? present : 0);
            queries++;
          }
        }
      }
      for (String attack : attacks(note)) {
        assertThatThrownBy(() -> total.apply(Criteria.all().sortBy(attack, true)))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::field).containsExactly("sort[0].field"));
        assertThatThrownBy(() -> total.apply(Criteria.where(attack, Operator.EQ, "x")))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::field).containsExactly("filters[0].field"));
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(13 * ATTACKS.length * 5);
    assertThat(holdings()).isEqualTo(before);
    assertThat(session.stock().deliveryNotes(Criteria.where("number", Operator.EQ,
        note.number()), PageRequest.of(0, 10)).items()).containsExactly(note);
  }

  private static List<String> attacks(DeliveryNote note) {
    List<String> attacks = new java.util.ArrayList<>(List.of(ATTACKS));
    attacks.add(note.number() + "' or 'a'='a");
    return attacks;
  }

  // ---------------------------------------------------------------- text search

  private List<String> skus(TextQuery query, Visibility visibility) {
    return session.products().search(query, PageRequest.of(0, 50), visibility).items().stream()
        .map(Product::sku).toList();
  }

  @Test
  public void containsIgnoresCaseAndTakesPercentAndUnderscoreLiterally() {
    assertThat(skus(TextQuery.contains("cOlA"), Visibility.LIVE)).containsExactly("COLA");
    assertThat(skus(TextQuery.contains("100%"), Visibility.LIVE)).containsExactly("100%_JUICE");
    assertThat(skus(TextQuery.contains("%_"), Visibility.LIVE)).containsExactly("100%_JUICE");
    assertThat(skus(TextQuery.contains("juice"), Visibility.LIVE))
        .containsExactly("100%_JUICE", "100X-JUICE");
  }

  @Test
  public void regularExpressionsMatchAlikeOnEveryStore() {
    assertThat(skus(TextQuery.regex("^(cola|tea)$"), Visibility.LIVE))
        .containsExactly("COLA", "TEA");
    assertThat(skus(TextQuery.regex("tea|water"), Visibility.LIVE))
        .containsExactly("TEA", "WATER");
    assertThat(skus(TextQuery.regex("orange$"), Visibility.LIVE)).containsExactly("100%_JUICE");
    assertThat(skus(TextQuery.regex("^(green|still) "), Visibility.LIVE))
        .containsExactly("TEA", "WATER");
    assertThat(skus(TextQuery.regex("0{2}[%x]"), Visibility.LIVE))
        .containsExactly("100%_JUICE", "100X-JUICE");
    assertThat(skus(TextQuery.regex("a\\.b"), Visibility.LIVE)).isEmpty();
  }

  @Test
  public void textSearchHonoursSoftDeleteAndPaginates() {
    Product water = session.products().getBySku("WATER");
    session.products().delete(water.id());

    assertThat(skus(TextQuery.regex("water"), Visibility.LIVE)).isEmpty();
    assertThat(skus(TextQuery.regex("water"), Visibility.ONLY_DELETED)).containsExactly("WATER");
    assertThat(skus(TextQuery.contains("e"), Visibility.INCLUDE_DELETED)).contains("WATER");

    Page<Product> page = session.products().search(TextQuery.contains("c"),
        PageRequest.of(1, 2), Visibility.LIVE);
    assertThat(page.total()).isEqualTo(4); // cola, chips and two juices; the water is deleted
    assertThat(page.items()).hasSize(2);
    assertThat(page.pages()).isEqualTo(2);
  }

  @Test
  public void caseIsIgnoredBeyondAsciiToo() {
    session.products().create(new CreateProduct("ÄPFEL-1", "Äpfel grün", "Obst",
        BigDecimal.ONE, 6));
    session.products().create(new CreateProduct("ÉCLAIR", "Éclair", "Gâteaux",
        BigDecimal.ONE, 6));

    assertThat(skus(TextQuery.contains("äpf"), Visibility.LIVE)).containsExactly("ÄPFEL-1");
    assertThat(skus(TextQuery.contains("GRÜN"), Visibility.LIVE)).containsExactly("ÄPFEL-1");
    assertThat(skus(TextQuery.regex("^éclair$"), Visibility.LIVE)).containsExactly("ÉCLAIR");
    assertThat(session.products().find(Criteria.where("name", Operator.CONTAINS, "ÉCL"),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(Product::sku)
        .containsExactly("ÉCLAIR");
    assertThat(session.products().find(Criteria.where("category", Operator.STARTS_WITH, "gÂt"),
        PageRequest.of(0, 10), Visibility.LIVE).items()).extracting(Product::sku)
        .containsExactly("ÉCLAIR");
    assertThat(session.products().find(Criteria.where("category", Operator.EQ, "gâteaux"),
        PageRequest.of(0, 10), Visibility.LIVE).items()).as("equality keeps case").isEmpty();
  }

  @Test
  public void badOrNonPortablePatternsAreRefusedBeforeAnyQuery() {
    assertThatThrownBy(() -> TextQuery.regex("[a-")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a valid regular expression");
    assertThatThrownBy(() -> TextQuery.regex("\\d+")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("differs between databases");
    assertThatThrownBy(() -> TextQuery.contains(" ")).isInstanceOf(ValidationException.class);
  }

  @Test
  public void injectionStringsInATextSearchAreJustText() {
    Map<String, Object> before = holdings();
    for (String evil : ATTACKS) {
      if (!evil.equals("_%")) {
        assertThat(skus(TextQuery.contains(evil), Visibility.INCLUDE_DELETED)).as(evil).isEmpty();
      }
    }
    assertThat(holdings()).isEqualTo(before);
    assertThat(skus(TextQuery.contains("_%"), Visibility.LIVE)).isEmpty();
  }

  @Test
  public void otherAggregatesSearchTheirOwnKeys() {
    User ada = session.users().create(new CreateUser("ada", "ada@lovelace.org", Role.VIEWER));
    session.users().create(new CreateUser("bob", "bob@example.com", Role.VIEWER));

    // by username; the email is personal data, which text search never matches
    assertThat(session.users().search(TextQuery.regex("^ada$"), PageRequest.of(0, 10),
        Visibility.LIVE).items()).extracting(User::id).containsExactly(ada.id());
  }
}
