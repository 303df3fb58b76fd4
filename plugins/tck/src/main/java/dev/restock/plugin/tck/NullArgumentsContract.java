package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the engine promises a host that passes {@code null} where a use case needs a value: every
 * method of every use-case interface a {@link RestockSession} hands out refuses a null argument
 * with a {@link ValidationException} naming the parameter ({@code routeId: is required}), never a
 * {@link NullPointerException}, before any work; parameters annotated {@code @Nullable} are
 * exempt. The suite finds the methods by reflection, so a use case added later is covered
 * without a line here. Extend it with {@link #openEngine}; every test starts a new engine on a
 * new, empty store.
 */
@Experimental(since = "0.2")
public abstract class NullArgumentsContract {
  private Restock engine;
  private RestockSession session;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @BeforeEach
  void startEngine() {
    engine = openEngine();
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()));
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  /**
   * One dynamic test per (method, non-nullable reference parameter): that parameter is null,
   * every other one gets a plain value where the suite knows one (ids, text, times, pages...) and
   * null otherwise; the call must fail with a validation exception naming exactly the null
   * non-nullable parameters, each "is required".
   */
  @TestFactory
  Stream<DynamicTest> everyUseCaseRefusesANullArgumentNamingTheParameter() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Method accessor : ports()) {
      Class<?> port = accessor.getReturnType();
      for (Method method : useCases(port)) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
          if (!required(method, i)) {
            continue;
          }
          int nullAt = i;
          tests.add(DynamicTest.dynamicTest(port.getSimpleName() + "." + method.getName()
              + Arrays.stream(parameters).map(p -> p.getType().getSimpleName())
                  .toList().toString().replace('[', '(').replace(']', ')')
              + " with " + parameters[i].getName() + " null",
              () -> refusesNullAt(accessor, method, nullAt)));
        }
      }
    }
    assertThat(tests).as("calls with a null argument found by reflection").hasSizeGreaterThan(50);
    return tests.stream();
  }

  @Test
  public void aNullArgumentWritesNothing() throws Exception {
    Instant before = Instant.now().minusSeconds(60);
    long events = session.history().events(null, before).size();
    for (Method accessor : ports()) {
      Object port = accessor.invoke(session);
      for (Method method : useCases(accessor.getReturnType())) {
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
          args[i] = types[i].isPrimitive() ? primitive(types[i]) : null;
        }
        catchThrowable(() -> invoke(method, port, args));
      }
    }
    assertThat(session.history().events(null, before)).as("audit events").hasSize((int) events);
    assertThat(session.products().list(PageRequest.of(0, 10)).total()).isZero();
    assertThat(session.users().list(PageRequest.of(0, 10)).total()).as("the admin only")
        .isEqualTo(1);
  }

  @Test
  public void aParameterDocumentedNullableStillAcceptsNull() {
    assertThat(session.reports().soldOut(null)).isEmpty();
    assertThat(session.history().events(null, Instant.now().minusSeconds(60)))
        .extracting(dev.restock.api.audit.AuditEvent::action).containsExactly("user.create");
  }

  private void refusesNullAt(Method accessor, Method method, int nullAt) throws Exception {
    Parameter[] parameters = method.getParameters();
    assertThat(parameters[nullAt].isNamePresent())
        .as("engine-api is compiled with -parameters, so the name can be reported").isTrue();
    Object[] args = new Object[parameters.length];
    Set<String> expected = new LinkedHashSet<>();
    for (int i = 0; i < parameters.length; i++) {
      Class<?> type = parameters[i].getType();
      if (type.isPrimitive()) {
        args[i] = primitive(type);
      } else if (i != nullAt) {
        args[i] = sample(type);
      }
      if (args[i] == null && required(method, i)) {
        expected.add(parameters[i].getName());
      }
    }
    Object port = accessor.invoke(session);

    Throwable thrown = catchThrowable(() -> invoke(method, port, args));

    assertThat(thrown).as(method + " with " + parameters[nullAt].getName() + " null")
        .isInstanceOf(ValidationException.class);
    List<Violation> violations = ((ValidationException) thrown).violations();
    assertThat(violations).extracting(Violation::field)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(violations).extracting(Violation::message).containsOnly("is required");
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The session's accessors of use-case interfaces ({@code products()}, {@code pickLists()}...). */
  private static List<Method> ports() {
    List<Method> ports = Arrays.stream(RestockSession.class.getMethods())
        .filter(m -> m.getParameterCount() == 0 && m.getReturnType().isInterface()
            && m.getReturnType().getPackageName().endsWith(".port.in"))
        .sorted(Comparator.comparing(Method::getName)).toList();
    assertThat(ports).as("use-case interfaces of a session").hasSizeGreaterThan(10);
    return ports;
  }

  /** Every instance method of a use-case interface, inherited and default ones included. */
  private static List<Method> useCases(Class<?> port) {
    return Arrays.stream(port.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .sorted(Comparator.comparing(Method::toGenericString)).toList();
  }

  /** A reference parameter not marked nullable (JSpecify's or any other {@code @Nullable}). */
  private static boolean required(Method method, int index) {
    if (method.getParameterTypes()[index].isPrimitive()) {
      return false;
    }
    Stream<Annotation> marks = Stream.concat(
        Arrays.stream(method.getParameterAnnotations()[index]),
        Arrays.stream(method.getAnnotatedParameterTypes()[index].getAnnotations()));
    return marks.noneMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  private static Object primitive(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 1L;
    }
    return 1;
  }

  /** A plain non-null value of {@code type}, or null when the suite has none. */
  private static Object sample(Class<?> type) {
    if (type == UUID.class) {
      return UUID.randomUUID();
    }
    if (type == String.class) {
      return "x";
    }
    if (type == Instant.class) {
      return Instant.parse("2026-01-01T00:00:00Z");
    }
    if (type == PageRequest.class) {
      return PageRequest.of(0, 10);
    }
    if (type == Criteria.class) {
      return Criteria.all();
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == List.class || type == Collection.class) {
      return List.of();
    }
    if (type == Set.class) {
      return Set.of();
    }
    if (type == Map.class) {
      return Map.of();
    }
    return null;
  }
}
