package dev.restock.core.session;

import dev.restock.api.RestockSession;
import dev.restock.api.validation.Checks;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a null argument to any use case of a session with a {@link
 * dev.restock.api.error.ValidationException} naming the parameter ({@code routeId: is required}),
 * before the use case runs: the session and each use-case interface it hands out are wrapped, and
 * every call checks the reference parameters not annotated {@code @Nullable}. The rule is read
 * from the interfaces themselves (engine-api is compiled with {@code -parameters}, so the names
 * are the declared ones), so a use case added later is covered without a line here.
 */
final class NullArguments {
  /** Indexes and names of the parameters that must not be null, per interface method. */
  private static final Map<Method, Required> REQUIRED = new ConcurrentHashMap<>();

  private NullArguments() {}

  /** The session, with every use-case interface it hands out guarded. */
  static RestockSession guard(RestockSession session) {
    return proxy(RestockSession.class, new SessionHandler(session));
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        handler));
  }

  private record Required(int[] indexes, String[] names) {
    static Required of(Method method) {
      Parameter[] parameters = method.getParameters();
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < parameters.length; i++) {
        if (!parameters[i].getType().isPrimitive() && !nullable(method, i)) {
          indexes.add(i);
        }
      }
      return new Required(indexes.stream().mapToInt(Integer::intValue).toArray(),
          indexes.stream().map(i -> parameters[i].getName()).toArray(String[]::new));
    }

    void check(Object[] args) {
      Checks checks = null;
      for (int i = 0; i < indexes.length; i++) {
        if (args[indexes[i]] == null) {
          checks = checks == null ? new Checks() : checks;
          checks.notNull(null, names[i]);
        }
      }
      if (checks != null) {
        checks.throwIfAny();
      }
    }

    /** JSpecify's type-use {@code @Nullable}, or any declaration annotation of that name. */
    private static boolean nullable(Method method, int index) {
      return Arrays.stream(method.getAnnotatedParameterTypes()[index].getAnnotations())
          .anyMatch(NullArguments::isNullable)
          || Arrays.stream(method.getParameterAnnotations()[index])
              .anyMatch(NullArguments::isNullable);
    }
  }

  private static boolean isNullable(Annotation annotation) {
    return annotation.annotationType().getSimpleName().equals("Nullable");
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Hands out guarded use-case interfaces, one per accessor, made once per session. */
  private static final class SessionHandler implements InvocationHandler {
    private final RestockSession session;
    private final Map<Method, Object> ports = new ConcurrentHashMap<>();

    SessionHandler(RestockSession session) {
      this.session = session;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Class<?> type = method.getReturnType();
      if (method.getParameterCount() > 0 || !type.isInterface()
          || !type.getPackageName().endsWith(".port.in")) {
        return call(method, session, args);
      }
      Object port = ports.get(method);
      if (port == null) {
        port = ports.computeIfAbsent(method, m -> {
          try {
            return proxy(type, new PortHandler(call(m, session, null)));
          } catch (Throwable e) {
            throw new IllegalStateException("cannot read use cases " + m.getName(), e);
          }
        });
      }
      return port;
    }
  }

  private static final class PortHandler implements InvocationHandler {
    private final Object target;

    PortHandler(Object target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (args != null && method.getDeclaringClass() != Object.class) {
        REQUIRED.computeIfAbsent(method, Required::of).check(args);
      }
      return call(method, target, args);
    }
  }
}
