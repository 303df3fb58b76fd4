package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.shared.Page;
import dev.restock.api.shared.PageRequest;
import dev.restock.api.shared.TextQuery;
import dev.restock.api.shared.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Case-insensitive contains and regular-expression search, alike on every database. */
abstract class TextSearchContractTest {
  private FreshDatabase db;
  private Restock engine;
  private RestockSession session;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    db = database().fresh();
    engine = RestockEngine.builder().store(db.factory()).build();
    session = engine.as(Actor.system());
    for (String[] p : new String[][] {{"COLA-33", "Cola 33cl"}, {"COLA-50", "Cola Zero 50cl"},
        {"TEA-1", "Green Tea"}, {"WATER", "Still water"}, {"100%_JUICE", "Juice 100% Orange"},
        {"100X-JUICE", "Juice 100 Apple"}}) {
      session.products().create(new CreateProduct(p[0], p[1], "X", BigDecimal.ONE, 1));
    }
  }

  @AfterEach
  void close() {
    engine.close();
    db.close();
  }

  private java.util.List<String> skus(TextQuery query, Visibility visibility) {
    return session.products().search(query, PageRequest.of(0, 50), visibility).items().stream()
        .map(Product::sku).toList();
  }

  @Test
  void containsIgnoresCaseAndTakesPercentAndUnderscoreLiterally() {
    assertThat(skus(TextQuery.contains("cOlA"), Visibility.LIVE))
        .containsExactly("COLA-33", "COLA-50");
    assertThat(skus(TextQuery.contains("100%"), Visibility.LIVE)).containsExactly("100%_JUICE");
    assertThat(skus(TextQuery.contains("%_"), Visibility.LIVE)).containsExactly("100%_JUICE");
    assertThat(skus(TextQuery.contains("juice"), Visibility.LIVE))
        .containsExactly("100%_JUICE", "100X-JUICE");
  }

  @Test
  void regularExpressionsMatchAlikeEverywhere() {
    assertThat(skus(TextQuery.regex("^cola-[0-9]+$"), Visibility.LIVE))
        .containsExactly("COLA-33", "COLA-50");
    assertThat(skus(TextQuery.regex("tea|water"), Visibility.LIVE))
        .containsExactly("TEA-1", "WATER");
    assertThat(skus(TextQuery.regex("zero.*cl$"), Visibility.LIVE)).containsExactly("COLA-50");
    assertThat(skus(TextQuery.regex("^(green|still) "), Visibility.LIVE))
        .containsExactly("TEA-1", "WATER");
    assertThat(skus(TextQuery.regex("0{2}[%x]"), Visibility.LIVE))
        .containsExactly("100%_JUICE", "100X-JUICE");
    assertThat(skus(TextQuery.regex("a\\.b"), Visibility.LIVE)).isEmpty();
  }

  @Test
  void searchHonoursSoftDeleteAndPaginates() {
    Product water = session.products().getBySku("WATER");
    session.products().delete(water.id());

    assertThat(skus(TextQuery.regex("water"), Visibility.LIVE)).isEmpty();
    assertThat(skus(TextQuery.regex("water"), Visibility.ONLY_DELETED)).containsExactly("WATER");
    assertThat(skus(TextQuery.contains("e"), Visibility.INCLUDE_DELETED)).contains("WATER");

    Page<Product> page = session.products().search(TextQuery.contains("c"),
        PageRequest.of(1, 2), Visibility.LIVE);
    assertThat(page.total()).isEqualTo(4); // two colas and two juices; the water is deleted
    assertThat(page.items()).hasSize(2);
  }

  @Test
  void badOrNonPortablePatternsAreRefusedBeforeAnyQuery() {
    assertThatThrownBy(() -> TextQuery.regex("[a-")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a valid regular expression");
    assertThatThrownBy(() -> TextQuery.regex("\\d+")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("differs between databases");
    assertThatThrownBy(() -> TextQuery.contains(" ")).isInstanceOf(ValidationException.class);
  }

  @Test
  void injectionStringsAreJustText() throws Exception {
    for (String evil : new String[] {"' or '1'='1", "'; drop table product; --", "\") or 1=1 --",
        "%' union select * from app_user --"}) {
      assertThat(skus(TextQuery.contains(evil), Visibility.INCLUDE_DELETED)).as(evil).isEmpty();
    }
    try (var c = db.connect(); var s = c.createStatement();
        var r = s.executeQuery("select count(*) from product")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(6);
    }
  }

  @Test
  void otherAggregatesSearchTheirOwnKeys() {
    User ada = session.users().create(new CreateUser("ada", "ada@lovelace.org", Role.VIEWER));
    session.users().create(new CreateUser("bob", "bob@example.com", Role.VIEWER));

    assertThat(session.users().search(TextQuery.regex("lovelace\\.org$"), PageRequest.of(0, 10),
        Visibility.LIVE).items()).extracting(User::id).containsExactly(ada.id());
  }
}
