package dev.restock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.CreateUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandValidationTest {

  private static List<String> fields(Runnable construction) {
    ValidationException e = catchThrowableOfType(ValidationException.class, construction::run);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  void aProductCommandNamesEveryBrokenRuleAtOnce() {
    assertThat(fields(() -> new CreateProduct(" ", "", null, new BigDecimal("-1.5"), 0)))
        .containsExactly("sku", "name", "price", "casePack");
  }

  @Test
  void aPriceWithMoreThanTwoDecimalsIsRefused() {
    assertThat(fields(() -> new CreateProduct("S", "N", null, new BigDecimal("1.234"), 1)))
        .containsExactly("price");
  }

  @Test
  void aValidProductCommandIsNormalised() {
    CreateProduct c = new CreateProduct("  COLA ", "Cola", null, new BigDecimal("1.5"), null);
    assertThat(c.sku()).isEqualTo("COLA");
    assertThat(c.casePack()).isEqualTo(1);
  }

  @Test
  void anUpdateChecksOnlyTheFieldsItSets() {
    assertThatCode(() -> new UpdateProduct(null, null, null, null, null, null))
        .doesNotThrowAnyException();
    assertThat(fields(() -> new UpdateProduct("", null, null, new BigDecimal("-0.01"), 0, null)))
        .containsExactly("sku", "price", "casePack");
  }

  @Test
  void aSlotWithParAboveCapacityIsRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> new SlotSpec("A1", UUID.randomUUID(), 10, 12, 11, null));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("parLevel", "quantity");
    assertThat(e.getMessage()).contains("parLevel: must be between 0 and 10 (was 12)");
  }

  @Test
  void slotPositionsAreRowLetterAndColumn() {
    assertThat(Positions.valid("A1")).isTrue();
    assertThat(Positions.valid("T20")).isTrue();
    assertThat(Positions.valid("U1")).isFalse();
    assertThat(Positions.valid("A21")).isFalse();
    assertThat(Positions.valid("A0")).isFalse();
    assertThat(Positions.row("C7")).isEqualTo(3);
    assertThat(Positions.column("C17")).isEqualTo(17);
    assertThat(Positions.inside("C7", 3, 7)).isTrue();
    assertThat(Positions.inside("C8", 3, 7)).isFalse();
    assertThat(fields(() -> new SlotSpec("Z99", null, 0, 0, 0, null)))
        .containsExactly("position", "capacity");
  }

  @Test
  void aRouteDefaultsToAWeeklyVisitAndRefusesIntervalsOutsideOneToSixty() {
    assertThat(new CreateRoute("R1", "North", null).visitIntervalDays()).isEqualTo(7);
    assertThat(fields(() -> new CreateRoute("R1", "North", 61))).containsExactly("visitIntervalDays");
  }

  @Test
  void aDeviceNeedsCabinetsWithDistinctIndexes() {
    UUID type = UUID.randomUUID();
    assertThat(fields(() -> new CreateDevice("M", "S", UUID.randomUUID(), null, type, List.of())))
        .containsExactly("cabinets");
    assertThat(fields(() -> new CreateDevice("M", "S", UUID.randomUUID(), null, type,
        List.of(new CabinetSpec(1, type, 5, 5), new CabinetSpec(1, type, 5, 5)))))
        .containsExactly("cabinets[1].index");
    assertThat(fields(() -> new CabinetSpec(4, null, 0, 21)))
        .containsExactly("index", "cabinetTypeId", "rows", "columns");
  }

  @Test
  void aSetUpNamesPlanogramsForMissingCabinetsAndDuplicatePositions() {
    UUID type = UUID.randomUUID();
    CreateDevice device = new CreateDevice("M", "S", UUID.randomUUID(), null, type,
        List.of(new CabinetSpec(1, type, 5, 5)));
    assertThat(fields(() -> new SetUpDevice(device,
        List.of(new CabinetPlanogram(2, "P", List.of())))))
        .containsExactly("planograms[0].cabinetIndex");
    SlotSpec a1 = new SlotSpec("A1", null, 5, 0, 0, null);
    assertThat(fields(() -> new CabinetPlanogram(1, "P", List.of(a1, a1))))
        .containsExactly("slots[1].position");
  }

  @Test
  void aSaleGivesExactlyOneOfUnitsOrObservedCount() {
    UUID slot = UUID.randomUUID();
    assertThat(fields(() -> new SaleEntry(slot, 1, 2))).containsExactly("unitsSold");
    assertThat(fields(() -> new SaleEntry(slot, null, null))).containsExactly("unitsSold");
    assertThat(fields(() -> new SaleEntry(slot, -1, null))).containsExactly("unitsSold");
    assertThat(fields(() -> new RecordSales(List.of()))).containsExactly("entries");
    assertThat(fields(() -> new RecordSales(
        List.of(SaleEntry.sold(slot, 1), SaleEntry.observed(slot, 0)))))
        .containsExactly("entries[1].slotId");
  }

  @Test
  void usersNeedAUsernameAndAnEmailAddress() {
    assertThat(fields(() -> new CreateUser("a b", "not-an-email", null)))
        .containsExactly("username", "email", "role");
  }

  @Test
  void pagesAreBounded() {
    assertThat(fields(() -> new PageRequest(-1, 0))).containsExactly("page", "size");
    assertThat(PageRequest.of(2, 10).offset()).isEqualTo(20);
  }
}
