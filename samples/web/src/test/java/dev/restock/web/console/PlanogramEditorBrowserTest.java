package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SetSlot;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.User;
import dev.restock.web.Browser;
import dev.restock.web.WebDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The administrator edits a demo machine's snack cabinet in the planogram editor: from the device
 * list to the device to its cabinet's grid, a slot's par changed and a product put into an empty
 * cell, saved, and the engine's planogram is exactly that, the slot's history page showing the
 * change with its reason and client; a cleared cell removes its slot; then an invalid edit (par
 * above the capacity) shows the engine's {@code field: message} line beside the grid with the
 * input kept, and the engine's planogram is unchanged; a driver's save is refused by the engine
 * (its message beside the grid, the input kept) and writes nothing. A form opened before a change
 * made elsewhere (here through the engine, as the API's slot update does) is refused on save
 * with "changed meanwhile", the input kept, and the engine keeps that change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanogramEditorBrowserTest {
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
  void theAdministratorChangesAParFillsAndClearsCellsThenAnInvalidEditIsRefused() {
    RestockSession engine = restock.as(Actor.system());
    Device device = engine.devices().getBySerialNumber("DEMO-SN-001");
    Cabinet snacks = device.cabinet(1).orElseThrow();
    Planogram before = engine.planograms().activeFor(snacks.id());
    Product water = engine.products().list(PageRequest.of(0, 100)).items().stream()
        .filter(p -> p.sku().equals("DEMO-WATER")).findFirst().orElseThrow();
    Slot a1 = before.slotAt("A1").orElseThrow();
    assertThat(a1.parLevel()).isEqualTo(10);
    assertThat(before.slotAt("C3")).isEmpty();

    try (Browser browser = Browser.open(port)) {
      browser.signIn("admin", WebDatabases.ADMIN_PASSWORD);
      browser.go("/devices");
      WebElement list = browser.waitFor(By.id("devices"));
      assertThat(list.getText()).contains("Demo machine 1", "DEMO-SN-001", "DEMO-1",
          "Demo Central Station", "#1 4×6", "#2 3×5");
      browser.screenshot("devices");
      browser.driver().findElement(By.linkText("Demo machine 1")).click();
      WebElement cabinets = browser.waitFor(By.id("cabinets"));
      assertThat(cabinets.getText()).contains("Ambient", "Chilled", "Demo machine 1 snacks");
      browser.screenshot("device");
      cabinets.findElement(By.cssSelector("tr[data-cabinet='1'] a.button")).click();
      browser.waitFor(By.id("planogram-form"));
      assertThat(browser.driver().getCurrentUrl())
          .endsWith("/cabinets/" + snacks.id() + "/planogram");
      // the grid is the cabinet's 4 rows × 6 columns, the slots' values filled in
      assertThat(browser.driver().findElements(By.cssSelector(".planogram-grid td")))
          .hasSize(24);
      assertThat(browser.driver().findElement(By.id("par_A1")).getAttribute("value"))
          .isEqualTo("10");
      assertThat(browser.driver().findElement(By.id("cell-A1")).getText())
          .contains("in slot: " + a1.quantity());
      browser.screenshot("planogram-editor");

      type(browser, "par_A1", "11");
      new Select(browser.driver().findElement(By.id("product_C3")))
          .selectByValue(water.id().toString());
      type(browser, "capacity_C3", "9");
      type(browser, "par_C3", "6");
      type(browser, "reason", "more chips on top");
      browser.driver().findElement(By.id("save")).click();
      browser.waitForText(By.id("saved"), "Planogram saved");
      browser.screenshot("planogram-saved");

      Planogram after = engine.planograms().activeFor(snacks.id());
      assertThat(after.id()).isEqualTo(before.id());
      assertThat(after.slots()).hasSize(before.slots().size() + 1);
      assertThat(after.slotAt("A1").orElseThrow()).isEqualTo(new Slot(a1.id(), "A1",
          a1.productId(), a1.capacity(), 11, a1.quantity(), a1.price()));
      for (String position : new String[] {"A2", "B1", "B2"}) {
        assertThat(after.slotAt(position)).isEqualTo(before.slotAt(position));
      }
      Slot c3 = after.slotAt("C3").orElseThrow();
      assertThat(c3.productId()).isEqualTo(water.id());
      assertThat(c3.capacity()).isEqualTo(9);
      assertThat(c3.parLevel()).isEqualTo(6);
      assertThat(c3.quantity()).isZero();
      assertThat(c3.price()).isEqualByComparingTo(water.price());

      // the slot's history shows the console's change, its reason and where it came from
      browser.driver().findElement(By.cssSelector("#cell-A1 .qty a")).click();
      WebElement newest = browser.waitFor(By.cssSelector("#revisions li.revision"));
      assertThat(browser.driver().getCurrentUrl()).endsWith("/history/slot/" + a1.id());
      assertThat(newest.findElement(By.cssSelector(".who")).getText()).isEqualTo("admin");
      assertThat(newest.findElement(By.cssSelector(".reason")).getText())
          .isEqualTo("more chips on top");
      assertThat(newest.findElement(By.cssSelector(".client")).getText())
          .isEqualTo("127.0.0.1");
      assertThat(newest.findElement(By.cssSelector(".request")).getText()).isNotBlank();
      WebElement par = newest.findElement(By.cssSelector("tr[data-field='parLevel']"));
      assertThat(par.findElement(By.cssSelector(".old")).getText()).isEqualTo("10");
      assertThat(par.findElement(By.cssSelector(".new")).getText()).isEqualTo("11");
      browser.screenshot("history-slot");

      // a cleared cell is no slot any more; the others stay as they were
      browser.go("/cabinets/" + snacks.id() + "/planogram");
      browser.waitFor(By.id("planogram-form"));
      browser.driver().findElement(By.id("clear_B2")).click();
      assertThat(browser.driver().findElement(By.id("capacity_B2")).getAttribute("value"))
          .isEmpty();
      browser.driver().findElement(By.id("save")).click();
      browser.waitForText(By.id("saved"), "Planogram saved");
      Planogram cleared = engine.planograms().activeFor(snacks.id());
      assertThat(cleared.slotAt("B2")).isEmpty();
      assertThat(cleared.slots()).hasSize(after.slots().size() - 1);
      for (String position : new String[] {"A1", "A2", "B1", "C3"}) {
        assertThat(cleared.slotAt(position)).isEqualTo(after.slotAt(position));
      }

      // par above the capacity: the engine's line beside the grid, the input kept
      type(browser, "par_A2", "99");
      type(browser, "par_A1", "7");
      browser.driver().findElement(By.id("save")).click();
      WebElement problems = browser.waitFor(By.id("problems"));
      assertThat(problems.getText()).contains("Not saved")
          .contains("A2 slots[1].parLevel: must be between 0 and 15 (was 99)");
      assertThat(browser.driver().findElement(By.id("par_A2")).getAttribute("value"))
          .isEqualTo("99");
      assertThat(browser.driver().findElement(By.id("par_A1")).getAttribute("value"))
          .isEqualTo("7");
      assertThat(browser.driver().findElement(By.id("cell-A2")).getAttribute("class"))
          .contains("invalid");
      assertThat(browser.driver().findElement(By.id("cell-A1")).getAttribute("class"))
          .doesNotContain("invalid");
      browser.screenshot("planogram-invalid");

      Planogram unchanged = engine.planograms().activeFor(snacks.id());
      assertThat(unchanged.slots()).isEqualTo(cleared.slots());
      assertThat(unchanged.version()).isEqualTo(cleared.version());
    }

    // a driver reads the editor, but the engine refuses the driver's save: the error page, 403
    try (Browser browser = Browser.open(port)) {
      browser.signIn("driver", WebDatabases.DRIVER_PASSWORD);
      browser.go("/cabinets/" + snacks.id() + "/planogram");
      browser.waitFor(By.id("planogram-form"));
      type(browser, "par_A1", "5");
      browser.driver().findElement(By.id("save")).click();
      browser.waitForText(By.id("problems"), "permission denied for planogram.update");
      assertThat(browser.driver().findElement(By.id("par_A1")).getAttribute("value"))
          .isEqualTo("5");
      browser.screenshot("planogram-driver-refused");
    }
    assertThat(engine.planograms().activeFor(snacks.id()).slotAt("A1").orElseThrow()
        .parLevel()).isEqualTo(11);
  }

  @Test
  void aFormOpenedBeforeAChangeElsewhereIsRefusedAndTheChangeStays() {
    User admin = restock.as(Actor.system()).users().firstAdministrator().orElseThrow();
    RestockSession engine = restock.as(Actor.user(admin.id()).withReason("par set by the API"));
    Cabinet snacks = engine.devices().getBySerialNumber("DEMO-SN-002").cabinet(1).orElseThrow();
    Planogram before = engine.planograms().activeFor(snacks.id());

    try (Browser browser = Browser.open(port)) {
      browser.signIn("admin", WebDatabases.ADMIN_PASSWORD);
      browser.go("/cabinets/" + snacks.id() + "/planogram");
      browser.waitFor(By.id("planogram-form"));
      type(browser, "par_A1", "2");
      type(browser, "par_B1", "1");

      // meanwhile, elsewhere: A1's par changes
      Planogram changed = engine.planograms().setSlot(snacks.id(),
          new SetSlot("A1", null, null, 7, null, null));
      assertThat(changed.version()).isGreaterThan(before.version());

      browser.driver().findElement(By.id("save")).click();
      browser.waitForText(By.id("problems"), "changed meanwhile by admin");
      assertThat(browser.driver().findElement(By.id("problems")).getText()).contains("reload");
      assertThat(browser.driver().findElement(By.id("par_A1")).getAttribute("value"))
          .isEqualTo("2");
      assertThat(browser.driver().findElement(By.id("par_B1")).getAttribute("value"))
          .isEqualTo("1");
      browser.screenshot("planogram-changed-meanwhile");

      Planogram after = engine.planograms().activeFor(snacks.id());
      assertThat(after.version()).isEqualTo(changed.version());
      assertThat(after.slots()).isEqualTo(changed.slots());
      assertThat(after.slotAt("A1").orElseThrow().parLevel()).isEqualTo(7);
      assertThat(after.slotAt("B1")).isEqualTo(before.slotAt("B1"));
    }
  }

  private static void type(Browser browser, String id, String text) {
    WebElement input = browser.driver().findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

}
