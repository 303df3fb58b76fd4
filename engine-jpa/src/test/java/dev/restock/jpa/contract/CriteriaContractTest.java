package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.shared.Criteria;
import dev.restock.api.shared.Criteria.Operator;
import dev.restock.api.shared.Page;
import dev.restock.api.shared.PageRequest;
import dev.restock.api.shared.SearchFields;
import dev.restock.api.shared.Visibility;
import dev.restock.api.service.CreateServiceOrder;
import dev.restock.api.service.ServiceOrder;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Criteria search with operators over declared fields, on each database. */
abstract class CriteriaContractTest {
  private FreshDatabase db;
  private Restock engine;
  private RestockSession session;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    db = database().fresh();
    engine = RestockEngine.builder().store(db.factory()).build();
    session = engine.as(Actor.system());
    Object[][] products = {{"COLA", "Cola", "Drinks", "1.50", 24}, {"TEA", "Tea", "Drinks", "1.20", 6},
        {"CHIPS", "Chips", "Snacks", "0.80", 10}, {"NUTS", "Nuts", "Snacks", "2.10", 12},
        {"WATER", "Water", "Drinks", "0.90", 12}};
    for (Object[] p : products) {
      session.products().create(new CreateProduct((String) p[0], (String) p[1], (String) p[2],
          new BigDecimal((String) p[3]), (Integer) p[4]));
    }
  }

  @AfterEach
  void close() {
    engine.close();
    db.close();
  }

  private List<String> skus(Criteria criteria) {
    return session.products().find(criteria, PageRequest.of(0, 50), Visibility.LIVE).items()
        .stream().map(Product::sku).toList();
  }

  @Test
  void everyOperatorFiltersAlikeOnEveryDatabase() {
    assertThat(skus(Criteria.where("category", Operator.EQ, "Drinks")))
        .containsExactly("COLA", "TEA", "WATER");
    assertThat(skus(Criteria.where("category", Operator.NE, "Drinks")))
        .containsExactly("CHIPS", "NUTS");
    assertThat(skus(Criteria.where("sku", Operator.IN, "TEA", "NUTS", "NONE")))
        .containsExactly("NUTS", "TEA");
    assertThat(skus(Criteria.where("name", Operator.CONTAINS, "A"))).containsExactly("COLA", "TEA",
        "WATER");
    assertThat(skus(Criteria.where("name", Operator.STARTS_WITH, "c")))
        .containsExactly("CHIPS", "COLA");
    assertThat(skus(Criteria.where("price", Operator.LT, "1.00"))).containsExactly("CHIPS", "WATER");
    assertThat(skus(Criteria.where("price", Operator.GE, new BigDecimal("1.50"))))
        .containsExactly("COLA", "NUTS");
    assertThat(skus(Criteria.where("price", Operator.BETWEEN, "0.90", "1.20")))
        .containsExactly("TEA", "WATER");
    assertThat(skus(Criteria.where("casePack", Operator.GT, 10).and("active", Operator.EQ, true)))
        .containsExactly("COLA", "NUTS", "WATER");
    assertThat(skus(Criteria.where("createdAt", Operator.LE, Instant.now().plusSeconds(60))))
        .hasSize(5);
    assertThat(skus(Criteria.where("category", Operator.IS_NULL))).isEmpty();
    assertThat(skus(Criteria.where("category", Operator.IS_NOT_NULL))).hasSize(5);
  }

  @Test
  void sortingAndPaginationReturnThePageTotalAndPageCount() {
    Page<Product> page = session.products().find(Criteria.all().sortBy("price", true),
        PageRequest.of(1, 2), Visibility.LIVE);

    assertThat(page.items()).extracting(Product::sku).containsExactly("TEA", "WATER");
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.pages()).isEqualTo(3);
    assertThat(skus(Criteria.where("category", Operator.EQ, "Drinks").sortBy("casePack", false)
        .sortBy("sku", true))).containsExactly("TEA", "WATER", "COLA");
  }

  @Test
  void unknownFieldsAndBadValuesAreNamedAndNothingIsQueried() {
    Criteria bad = Criteria.where("password", Operator.EQ, "x")
        .and("price", Operator.LT, "cheap")
        .and("name", Operator.BETWEEN, "a")
        .and("casePack", Operator.CONTAINS, "1")
        .sortBy("sku; drop table product", false);

    assertThatThrownBy(() -> session.products().find(bad, PageRequest.of(0, 10), Visibility.LIVE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field())
            .containsExactly("filters[0].field", "filters[1].values", "filters[2].values",
                "filters[3].operator", "sort[0].field"))
        .hasMessageContaining("'password' is not a searchable field of product");
  }

  /**
   * A row in every searchable aggregate: route N1 with a device (one cabinet, planogram "M1"
   * needing COLA and TEA), a driver, and an order dispatched with its delivery note.
   */
  private DeliveryNote fleetWithADispatchedOrder() {
    Product cola = session.products().getBySku("COLA");
    Product tea = session.products().getBySku("TEA");
    Route route = session.routes().create(new CreateRoute("N1", "North", 7));
    var location = session.locations().create(new CreateLocation("Depot", "1 Main St"));
    var type = session.deviceTypes().create(new CreateDeviceType("Tower", 1));
    var cabinetType = session.cabinetTypes().create(new CreateCabinetType("Ambient"));
    session.devices().setUp(new SetUpDevice(new CreateDevice("M1", "SN-M1", location.id(),
        route.id(), type.id(), List.of(new CabinetSpec(1, cabinetType.id(), 3, 3))),
        List.of(new CabinetPlanogram(1, "M1", List.of(
            new SlotSpec("A1", cola.id(), 10, 10, 1, null),
            new SlotSpec("A2", tea.id(), 8, 8, 1, null))))));
    session.stock().receive(cola.id(), 100, "delivery");
    session.stock().receive(tea.id(), 100, "delivery");
    User dan = session.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));
    ServiceOrder order = session.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
    session.serviceOrders().assign(order.id(), dan.id());
    return session.serviceOrders().dispatch(order.id());
  }

  /** Total matches of a criteria on every searchable aggregate, by aggregate. */
  private java.util.Map<SearchFields, Function<Criteria, Long>> searches() {
    PageRequest page = PageRequest.of(0, 10);
    java.util.Map<SearchFields, Function<Criteria, Long>> searches = new LinkedHashMap<>();
    searches.put(SearchFields.PRODUCT, c -> session.products().find(c, page, Visibility.LIVE)
        .total());
    searches.put(SearchFields.LOCATION, c -> session.locations().find(c, page, Visibility.LIVE)
        .total());
    searches.put(SearchFields.ROUTE, c -> session.routes().find(c, page, Visibility.LIVE)
        .total());
    searches.put(SearchFields.DEVICE_TYPE, c -> session.deviceTypes().find(c, page,
        Visibility.LIVE).total());
    searches.put(SearchFields.CABINET_TYPE, c -> session.cabinetTypes().find(c, page,
        Visibility.LIVE).total());
    searches.put(SearchFields.DEVICE, c -> session.devices().find(c, page, Visibility.LIVE)
        .total());
    searches.put(SearchFields.PLANOGRAM, c -> session.planograms().find(c, page,
        Visibility.LIVE).total());
    searches.put(SearchFields.USER, c -> session.users().find(c, page, Visibility.LIVE).total());
    searches.put(SearchFields.SERVICE_ORDER, c -> session.serviceOrders().find(c, page).total());
    searches.put(SearchFields.DELIVERY_NOTE, c -> session.stock().deliveryNotes(c, page)
        .total());
    return searches;
  }

  @Test
  void classicInjectionStringsAtEveryTextFilterAndSortFieldAreJustValues() throws Exception {
    DeliveryNote note = fleetWithADispatchedOrder();
    List<String> tables = List.of("product", "location", "route", "device_type", "cabinet_type",
        "device", "cabinet", "planogram", "slot", "app_user", "service_order", "service_visit",
        "order_line", "delivery_note", "delivery_note_line", "stock_level", "audit_revision",
        "audit_log");
    var before = counts(tables);
    String[] attacks = {"' or '1'='1", "'; drop table product; --", "\\' or 1=1 --",
        "%' union select username from app_user --", "COLA' --", note.number() + "' or 'a'='a",
        "_%", ") or (1=1"};
    int queries = 0;
    for (var search : searches().entrySet()) {
      SearchFields fields = search.getKey();
      Function<Criteria, Long> total = search.getValue();
      List<String> textFields = fields.fields().entrySet().stream()
          .filter(f -> f.getValue() == SearchFields.Type.TEXT).map(java.util.Map.Entry::getKey)
          .toList();
      assertThat(textFields).as("text fields of %s", fields.fields().keySet()).isNotEmpty();
      for (String field : textFields) {
        long present = total.apply(Criteria.where(field, Operator.IS_NOT_NULL));
        assertThat(present).as("rows with %s", field).isPositive();
        for (String attack : attacks) {
          for (Operator op : List.of(Operator.EQ, Operator.NE, Operator.CONTAINS,
              Operator.STARTS_WITH, Operator.IN)) {
            assertThat(total.apply(Criteria.where(field, op, attack)))
                .as("%s %s %s %s", fields.fields().keySet(), field, op, attack)
                .isEqualTo(op == Operator.NE ? present : 0);
            queries++;
          }
        }
      }
      for (String attack : attacks) {
        assertThatThrownBy(() -> total.apply(Criteria.all().sortBy(attack, true)))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field()).containsExactly("sort[0].field"));
        assertThatThrownBy(() -> total.apply(Criteria.where(attack, Operator.EQ, "x")))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field()).containsExactly("filters[0].field"));
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(10 * attacks.length * 5);
    assertThat(counts(tables)).isEqualTo(before);
    assertThat(session.stock().deliveryNotes(Criteria.where("number", Operator.EQ,
        note.number()), PageRequest.of(0, 10)).items()).containsExactly(note);
  }

  @Test
  void serviceOrderAndDeliveryNoteCriteriaNameEveryProblem() {
    assertThatThrownBy(() -> session.serviceOrders().find(Criteria.where("driver", Operator.EQ,
        "x").and("status", Operator.LT).sortBy("number desc; drop table service_order", false),
        PageRequest.of(0, 10))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(v -> v.field())
            .containsExactly("filters[0].field", "filters[1].values", "sort[0].field"));
    assertThatThrownBy(() -> session.stock().deliveryNotes(Criteria.where("orderNumber; --",
        Operator.EQ, "x").and("issuedAt", Operator.GT, "' or 1=1 --")
        .and("routeId", Operator.EQ, "' or '1'='1").sortBy("number desc; drop table x", false),
        PageRequest.of(0, 10))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly(
            "filters[0].field", "filters[1].values", "filters[2].values", "sort[0].field"));
  }

  private java.util.Map<String, Long> counts(List<String> tables) throws Exception {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : tables) {
      counts.put(table, db.count(table));
    }
    return counts;
  }

  @Test
  void otherAggregatesSearchTheirDeclaredFields() {
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
    assertThat(session.locations().find(Criteria.where("address", Operator.CONTAINS, "main"),
        PageRequest.of(0, 10), Visibility.LIVE).total()).isEqualTo(1);
  }
}
