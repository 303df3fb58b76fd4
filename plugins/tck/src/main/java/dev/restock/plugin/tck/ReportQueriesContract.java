package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.report.StockValuation;
import dev.restock.api.stability.Experimental;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code ReportQueries} port: reports cover live devices and slots only.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface ReportQueriesContract extends StoreUnderTest {
  @Test
  default void reportsCoverLiveDevicesAndSlotsOnly() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice alpha = fixture.device(ref, "Alpha", 2, 0);
    StoreFixture.FleetDevice beta = fixture.device(ref, "Beta", 1, 4);
    StoreFixture.FleetDevice gone = fixture.device(ref, "Gone", 1, 0);
    write("device.delete", () -> {
      store().devices().softDelete(gone.device().id());
      return null;
    });
    write("stock.receive", () -> {
      store().stock().set(Map.of(ref.cola().id(), 10, ref.water().id(), 3));
      return null;
    });

    assertThat(read(() -> store().reports().deviceUtilisation(ref.route().id(), null)))
        .extracting(u -> u.deviceName() + ":" + u.cabinetCount() + ":" + u.locationName())
        .containsExactly("Alpha:2:Station R1", "Beta:1:Station R1");
    assertThat(read(() -> store().reports().soldOut(null)))
        .extracting(s -> s.deviceName() + "#" + s.cabinetIndex() + "/" + s.position())
        .containsExactly("Alpha#1/A1", "Alpha#2/A1");
    assertThat(read(() -> store().reports().slotsAtOrBelow(ref.route().id(), 50)))
        .extracting(s -> s.deviceName() + "/" + s.percentOfPar())
        .containsExactly("Alpha/0", "Alpha/0", "Beta/50");
    assertThat(read(() -> store().reports().stockValue())).satisfies(v -> {
      assertThat(v.lines()).extracting(StockValuation.Line::sku)
          .containsExactly("COLA-R1", "WATER-R1");
      assertThat(v.total()).isEqualByComparingTo("18.00");
    });
    assertThat(beta.planograms()).hasSize(1);
    assertThat(alpha.planograms()).hasSize(2);
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
