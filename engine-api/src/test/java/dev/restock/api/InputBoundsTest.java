package dev.restock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.UpdateRoute;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13, "bad input that gets in": numbers, integer edges and text in command records. */
class InputBoundsTest {

  private static List<Violation> violations(Runnable construction) {
    ValidationException e = catchThrowableOfType(ValidationException.class, construction::run);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.violations();
  }

  private static List<String> fields(Runnable construction) {
    return violations(construction).stream().map(Violation::field).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "99999999999999999999", "10000000000", "1E+10", "1e-400"})
  void aPriceThatDoesNotFitNumeric12Comma2IsRefused(String price) {
    assertThat(fields(() -> new CreateProduct("S", "N", null, new BigDecimal(price), 1)))
        .containsExactly("price");
    assertThat(fields(() -> new UpdateProduct(null, null, null, new BigDecimal(price), null, null)))
        .containsExactly("price");
    assertThat(fields(() -> new SlotSpec("A1", null, 10, 0, 0, new BigDecimal(price))))
        .containsExactly("price");
  }

  @Test
  void theLargestPriceTheColumnHoldsIsAccepted() {
    assertThatCode(() -> new CreateProduct("S", "N", null, new BigDecimal("9999999999.99"), 1))
        .doesNotThrowAnyException();
    assertThatCode(() -> new CreateProduct("S", "N", null, new BigDecimal("1.50E+2"), 1))
        .doesNotThrowAnyException();
  }

  @Test
  void aHugePriceIsNamedWithoutPrintingAllItsDigits() {
    List<Violation> v = violations(
        () -> new CreateProduct("S", "N", null, new BigDecimal("1e-999999999"), 1));
    assertThat(v).extracting(Violation::field).containsOnly("price");
    assertThat(v).allSatisfy(x -> assertThat(x.message().length()).isLessThan(200));
  }

  @Test
  void saleAndDeliveryCountsAreBoundedBySlotCapacity() {
    assertThat(fields(() -> new SaleEntry(UUID.randomUUID(), Integer.MAX_VALUE, null)))
        .containsExactly("unitsSold");
    assertThat(fields(() -> new SaleEntry(UUID.randomUUID(), null, 1000)))
        .containsExactly("observedCount");
    UUID slot = UUID.randomUUID();
    assertThat(fields(() -> new CompleteVisit(Map.of(slot, Integer.MAX_VALUE), false, null)))
        .containsExactly("delivered[" + slot + "]");
  }

  @Test
  void aPageBeyondTheLargestOffsetIsRefused() {
    assertThat(fields(() -> PageRequest.of(Integer.MAX_VALUE - 1, 50))).containsExactly("page");
    assertThatCode(() -> PageRequest.of(Integer.MAX_VALUE / 1000, 1000)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB\nC", "AB\tC", "AB\u0000C", "AB\u007fC", "AB\u0085C", "AB\u202eC",
      "AB\u202aC", "AB\u2066C", "AB\u2069C", "AB\u200eC", "AB\u200fC", "AB\u061cC", "AB\u200bC",
      "AB\ufeffC", "AB\ud800C", "AB\u2028C"})
  void identifiersRefuseControlBidiAndInvisibleCharacters(String bad) {
    assertThat(fields(() -> new CreateProduct(bad, "N", null, BigDecimal.ONE, 1)))
        .containsExactly("sku");
    assertThat(fields(() -> new UpdateProduct(bad, null, null, null, null, null)))
        .containsExactly("sku");
    assertThat(fields(() -> new CreateRoute(bad, "N", 7))).containsExactly("code");
    assertThat(fields(() -> new UpdateRoute(bad, null, null))).containsExactly("code");
    assertThat(fields(() -> new CreateDevice("N", bad, UUID.randomUUID(), null,
        UUID.randomUUID(), List.of(new CabinetSpec(1, UUID.randomUUID(), 5, 5)))))
        .containsExactly("serialNumber");
    assertThat(fields(() -> new CreateUser("u", bad + "@x.org", Role.DRIVER)))
        .containsExactly("email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cola\nZero", "Cola\rZero", "Cola\u0007", "Cola\u202eoreZ", "Co\u2067la",
      "Cola\ud800"})
  void namesRefuseControlAndBidiCharacters(String bad) {
    assertThat(fields(() -> new CreateProduct("S", bad, bad, BigDecimal.ONE, 1)))
        .containsExactly("name", "category");
    assertThat(fields(() -> new CreateRoute("R", bad, 7))).containsExactly("name");
    assertThat(fields(() -> new CreateCabinetType(bad))).containsExactly("name");
  }

  @Test
  void namesKeepLettersOfEveryScriptAndJoiners() {
    // a zero-width joiner is part of emoji and Indic spelling: allowed in names, not identifiers
    assertThatCode(() -> new CreateProduct("S", "Çay \u0645\u0627\u0621 \ud83d\udc68\u200d\ud83c\udf73",
        null, BigDecimal.ONE, 1)).doesNotThrowAnyException();
  }

  @Test
  void multiLineFieldsAllowNewlinesOnly() {
    assertThatCode(() -> new CompleteVisit(Map.of(), false, "door stuck\nleft a note"))
        .doesNotThrowAnyException();
    assertThatCode(() -> new CreateLocation("Depot", "1 Main St\nSpringfield"))
        .doesNotThrowAnyException();
    assertThat(fields(() -> new CompleteVisit(Map.of(), false, "a\u202eb"))).containsExactly("notes");
    assertThat(fields(() -> new CompleteVisit(Map.of(), false, "a\rb"))).containsExactly("notes");
    assertThat(fields(() -> new CreateLocation("Depot", "1 Main\u0000"))).containsExactly("address");
  }
}
