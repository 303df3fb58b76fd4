package dev.restock.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a session refuses null arguments, on a store whose every port fails: a refusal that
 * touched the store would surface as that failure instead.
 */
class NullArgumentsTest {
  private final FakeStore store = new FakeStore();
  private final Restock engine = RestockEngine.builder().store(store::open).build();
  private final RestockSession session = engine.as(Actor.system());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void everyNullParameterIsNamedAtOnceBeforeTheStoreIsUsed() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session.pickLists().preview(null, null));

    assertThat(e).isNotNull();
    assertThat(e.violations()).containsExactly(new Violation("routeId", "is required"),
        new Violation("strategyId", "is required"));
    assertThat(e).hasMessage("invalid input: routeId: is required; strategyId: is required");
  }

  @Test
  void aDefaultMethodIsCheckedToo() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session.pickLists().preview(null));

    assertThat(e).isNotNull();
    assertThat(e.violations()).extracting(Violation::field).containsExactly("routeId");
  }

  @Test
  void aCallWithItsArgumentsReachesTheUseCaseAndItsExceptionComesOutAsItIs() {
    Throwable thrown = catchThrowable(() -> session.products().get(UUID.randomUUID()));

    assertThat(thrown).isExactlyInstanceOf(UnsupportedOperationException.class)
        .hasMessage("the fake store has no ports");
  }

  @Test
  void aSessionHandsOutOneGuardedObjectPerUseCaseInterface() {
    assertThat(session.products()).isSameAs(session.products());
    assertThat(session.products().equals(null)).isFalse();
    assertThat(session.products().toString()).isNotBlank();
    assertThat(session.actor()).isEqualTo(Actor.system());
  }
}
