package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Location;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Criteria.Operator;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search on personal data, on any store: a user's {@code email} and a location's {@code address}
 * ({@link SearchFields#personal()}) may be encrypted at rest, so they are found by exact match
 * only. {@code EQ}, {@code NE}, {@code IN} and the null tests work; {@code CONTAINS}, {@code
 * STARTS_WITH}, ranges and sorting by them are refused with a {@link ValidationException} naming
 * the field as personal data, every problem at once; free-text search ({@link TextQuery}) never
 * matches them.
 *
 * <p>Extend it with an engine on a new, empty store; a store that encrypts needs its keys
 * configured.
 */
public abstract class PersonalSearchContract {
  private static final List<Operator> REFUSED = List.of(Operator.CONTAINS, Operator.STARTS_WITH,
      Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN);

  private Restock engine;
  private RestockSession session;
  private User ada;
  private User bob;
  private Location depot;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @BeforeEach
  void start() {
    engine = openEngine();
    ada = engine.as(Actor.system()).users().create(
        new CreateUser("ada", "ada@lovelace.org", Role.ADMIN));
    session = engine.as(Actor.user(ada.id()));
    bob = session.users().create(new CreateUser("bob", "bob@example.com", Role.VIEWER));
    depot = session.locations().create(new CreateLocation("Depot", "1 Main Street"));
    session.locations().create(new CreateLocation("Airport", "Terminal 2"));
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  private List<String> usernames(Criteria criteria) {
    return session.users().find(criteria, PageRequest.of(0, 10), Visibility.LIVE).items()
        .stream().map(User::username).sorted().toList();
  }

  private List<String> locations(Criteria criteria) {
    return session.locations().find(criteria, PageRequest.of(0, 10), Visibility.LIVE).items()
        .stream().map(Location::name).sorted().toList();
  }

  @Test
  public void theUserEmailAndTheLocationAddressArePersonal() {
    assertThat(SearchFields.USER.personal()).containsExactly("email");
    assertThat(SearchFields.LOCATION.personal()).containsExactly("address");
    assertThat(SearchFields.PRODUCT.personal()).isEmpty();
  }

  @Test
  public void exactMatchesOnPersonalFieldsWork() {
    assertThat(usernames(Criteria.where("email", Operator.EQ, "ada@lovelace.org")))
        .containsExactly("ada");
    assertThat(usernames(Criteria.where("email", Operator.NE, "ada@lovelace.org")))
        .containsExactly("bob");
    assertThat(usernames(Criteria.where("email", Operator.IN, "bob@example.com",
        "ada@lovelace.org", "nobody@example.com"))).containsExactly("ada", "bob");
    assertThat(usernames(Criteria.where("email", Operator.IS_NOT_NULL))).hasSize(2);
    assertThat(usernames(Criteria.where("email", Operator.EQ, "ADA@lovelace.org"))).isEmpty();
    assertThat(locations(Criteria.where("address", Operator.EQ, "1 Main Street")))
        .containsExactly("Depot");
    assertThat(locations(Criteria.where("address", Operator.IN, "Terminal 2", "1 Main Street")))
        .containsExactly("Airport", "Depot");
    assertThat(locations(Criteria.where("address", Operator.IS_NULL))).isEmpty();
  }

  @Test
  public void everyOtherOperatorOnAPersonalFieldIsRefusedNamingIt() {
    check("email", c -> (long) session.users().find(c, PageRequest.of(0, 10), Visibility.LIVE)
        .total());
    check("address", c -> (long) session.locations().find(c, PageRequest.of(0, 10),
        Visibility.LIVE).total());
  }

  private static void check(String field, Function<Criteria, Long> find) {
    for (Operator op : REFUSED) {
      Object[] values = op == Operator.BETWEEN ? new Object[] {"a", "z"} : new Object[] {"a"};
      assertThatThrownBy(() -> find.apply(Criteria.where(field, op, values)))
          .as("%s %s", field, op)
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
              .singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("filters[0].operator");
                assertThat(v.message()).contains(op.name()).contains(field)
                    .contains("personal data").contains("encrypted at rest")
                    .contains("exact matches");
              }));
    }
    assertThatThrownBy(() -> find.apply(Criteria.all().sortBy(field, false)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("sort[0].field");
              assertThat(v.message()).contains("sort").contains(field)
                  .contains("personal data");
            }));
  }

  @Test
  public void everyProblemIsNamedAtOnce() {
    Criteria criteria = Criteria.where("username", Operator.EQ, "ada")
        .and("email", Operator.CONTAINS, "lovelace").and("email", Operator.GT, "a")
        .sortBy("email", true);

    assertThatThrownBy(() -> session.users().find(criteria, PageRequest.of(0, 10),
        Visibility.LIVE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field)
            .containsExactly("filters[1].operator", "filters[2].operator", "sort[0].field"));
  }

  @Test
  public void textSearchNeverMatchesPersonalData() {
    PageRequest page = PageRequest.of(0, 10);
    assertThat(session.users().search(TextQuery.contains("lovelace"), page, Visibility.LIVE)
        .items()).isEmpty();
    assertThat(session.users().search(TextQuery.contains("@"), page, Visibility.LIVE).items())
        .isEmpty();
    assertThat(session.users().search(TextQuery.regex("example\\.com$"), page,
        Visibility.LIVE).items()).isEmpty();
    assertThat(session.users().search(TextQuery.contains("bo"), page, Visibility.LIVE).items())
        .extracting(User::id).containsExactly(bob.id());
    assertThat(session.locations().search(TextQuery.contains("Main"), page, Visibility.LIVE)
        .items()).isEmpty();
    assertThat(session.locations().search(TextQuery.contains("terminal"), page,
        Visibility.LIVE).items()).isEmpty();
    assertThat(session.locations().search(TextQuery.contains("depot"), page, Visibility.LIVE)
        .items()).extracting(Location::id).containsExactly(depot.id());
  }
}
