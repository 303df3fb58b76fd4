package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.User;
import dev.restock.web.Browser;
import dev.restock.web.WebDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * History in the console: a price change made through the engine shows on the product's history
 * page as the field diff old → new with the actor's username, the reason, the client address and
 * the request id; the as-of view before the change shows the old price; a product deleted through
 * the engine is listed on the deleted page (a driver sees it without a restore button), and the
 * administrator's restore button brings it back live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryBrowserTest {
  private static Path dir;

  @LocalServerPort
  int port;

  @Autowired
  Restock restock;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @Test
  void diffsAsOfAndRestoreOfADeletedProduct() {
    User admin = restock.as(Actor.system()).users().firstAdministrator().orElseThrow();
    RestockSession engine = restock.as(Actor.user(admin.id()).withReason("price review")
        .withClientAddress("10.1.2.3").withCorrelationId("req-price-42"));
    Product cola = engine.products().list(PageRequest.of(0, 100)).items().stream()
        .filter(p -> p.sku().equals("DEMO-COLA")).findFirst().orElseThrow();
    assertThat(cola.price()).isEqualByComparingTo("1.50");
    engine.products().update(cola.id(),
        new UpdateProduct(null, null, null, new BigDecimal("1.75"), null, null));
    List<HistoryEntry> history = engine.history().history(AuditedType.PRODUCT, cola.id());
    Instant changedAt = history.get(history.size() - 1).info().at();

    Product tea = engine.products().create(
        new CreateProduct("HIST-TEA", "Iced tea", "Drinks", new BigDecimal("1.30"), 12));
    restock.as(Actor.user(admin.id()).withReason("no longer sold")).products().delete(tea.id());

    // a driver reads the deleted list, without restore buttons
    try (Browser browser = Browser.open(port)) {
      browser.signIn("driver", WebDatabases.DRIVER_PASSWORD);
      browser.go("/history/product/deleted");
      WebElement row = browser.waitFor(By.cssSelector("#deleted tr[data-id='" + tea.id() + "']"));
      assertThat(row.getText()).contains("HIST-TEA");
      assertThat(browser.driver().findElements(By.cssSelector("button.restore"))).isEmpty();
    }

    try (Browser browser = Browser.open(port)) {
      browser.signIn("admin", WebDatabases.ADMIN_PASSWORD);
      browser.go("/history");
      WebElement events = browser.waitFor(By.id("events"));
      assertThat(events.getText()).contains("product.update", "product.delete", "admin");
      browser.screenshot("history");

      // pick the type and the id in the form
      browser.driver().findElement(By.id("id")).sendKeys(cola.id().toString());
      browser.driver().findElement(By.cssSelector("#pick button")).click();
      WebElement newest = browser.waitFor(By.cssSelector("#revisions li.revision"));
      assertThat(browser.driver().getCurrentUrl()).endsWith("/history/product/" + cola.id());
      assertThat(newest.findElement(By.cssSelector(".action")).getText())
          .isEqualTo("product.update");
      assertThat(newest.findElement(By.cssSelector(".who")).getText()).isEqualTo("admin");
      assertThat(newest.findElement(By.cssSelector(".reason")).getText())
          .isEqualTo("price review");
      assertThat(newest.findElement(By.cssSelector(".client")).getText())
          .isEqualTo("10.1.2.3");
      assertThat(newest.findElement(By.cssSelector(".request")).getText())
          .isEqualTo("req-price-42");
      WebElement price = newest.findElement(By.cssSelector("tr[data-field='price']"));
      assertThat(price.findElement(By.cssSelector(".old")).getText()).isEqualTo("1.50");
      assertThat(price.findElement(By.cssSelector(".new")).getText()).isEqualTo("1.75");
      // the creation is the oldest revision, listed last
      List<WebElement> revisions = browser.driver().findElements(
          By.cssSelector("#revisions li.revision"));
      assertThat(revisions).hasSize(history.size());
      assertThat(revisions.get(revisions.size() - 1).getText()).contains("product.create");
      browser.screenshot("history-product");

      browser.go("/history/product/" + cola.id() + "?at=" + changedAt.minusMillis(1));
      WebElement asOf = browser.waitFor(By.id("as-of"));
      assertThat(asOf.findElement(By.cssSelector("tr[data-field='price'] td")).getText())
          .isEqualTo("1.50");
      browser.screenshot("history-as-of");
      browser.go("/history/product/" + cola.id() + "?at=" + changedAt);
      assertThat(browser.waitFor(By.id("as-of"))
          .findElement(By.cssSelector("tr[data-field='price'] td")).getText())
          .isEqualTo("1.75");

      browser.go("/history/product/deleted");
      WebElement deleted = browser.waitFor(By.id("deleted"));
      WebElement row = deleted.findElement(By.cssSelector("tr[data-id='" + tea.id() + "']"));
      assertThat(row.getText()).contains("HIST-TEA", "admin", "no longer sold");
      browser.screenshot("history-deleted");
      row.findElement(By.cssSelector("button.restore")).click();
      browser.waitForText(By.id("restored"), "Restored HIST-TEA");
      assertThat(browser.driver().findElements(
          By.cssSelector("tr[data-id='" + tea.id() + "']"))).isEmpty();
      browser.screenshot("history-restored");
    }

    Product restored = engine.products().get(tea.id());
    assertThat(restored.deletedAt()).isNull();
    assertThat(restored.sku()).isEqualTo("HIST-TEA");
    List<HistoryEntry> teaHistory = engine.history().history(AuditedType.PRODUCT, tea.id());
    HistoryEntry last = teaHistory.get(teaHistory.size() - 1);
    assertThat(last.info().action()).isEqualTo("product.restore");
    assertThat(last.info().actorId()).isEqualTo(admin.id());
    assertThat(last.info().clientAddress()).isEqualTo("127.0.0.1");
  }
}
