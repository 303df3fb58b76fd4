package dev.restock.core.tenant;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What {@code engine.tenant(id)} answers: the tenant's engine behind its gate. Each call enters
 * the gate and goes to the engine the tenant has now, so an engine handed out before a move goes
 * on working on the tenant's new store; a session from {@link #as} does the same per use-case
 * call. {@link #close()} does nothing: the multi-tenant engine owns the tenant's engine.
 */
final class TenantFacade implements Restock {
  private final TenantSlot slot;

  TenantFacade(TenantSlot slot) {
    this.slot = slot;
  }

  @Override
  public RestockSession as(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    // refuses a closed or retired tenant and an actor that does not fit history, right away
    slot.call(() -> slot.engine().as(actor));
    return session(actor);
  }

  private RestockSession session(Actor actor) {
    return (RestockSession) Proxy.newProxyInstance(RestockSession.class.getClassLoader(),
        new Class<?>[] {RestockSession.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, "session of tenant '" + slot.id + "'");
          }
          if (method.getName().equals("actor") && method.getParameterCount() == 0) {
            return actor;
          }
          if (method.getReturnType().isInterface() && (args == null || args.length == 0)) {
            return port(actor, method);
          }
          return slot.call(() -> invoke(method, slot.engine().as(actor), args));
        });
  }

  /** A use-case port whose every call enters the gate and runs on the tenant's engine now. */
  private Object port(Actor actor, Method getter) {
    Class<?> type = getter.getReturnType();
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(proxy, method, args,
            type.getSimpleName() + " of tenant '" + slot.id + "'");
      }
      return slot.call(() -> invoke(method, invoke(getter, slot.engine().as(actor), null), args));
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args, String name) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> name;
    };
  }

  private static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public <T> T inUnitOfWork(Actor actor, Function<RestockSession, T> work) {
    return slot.call(() -> slot.engine().inUnitOfWork(actor, work));
  }

  /**
   * Runs {@code call} on the tenant's engine's executor; the call counts as inside the gate from
   * now until it completes, so a retire or move waits for it.
   */
  @Override
  public <T> CompletableFuture<T> async(Actor actor, Function<RestockSession, T> call) {
    Objects.requireNonNull(call, "call");
    slot.enterDetached();
    CompletableFuture<T> running;
    try {
      running = slot.inside(() -> slot.engine().async(actor, s -> slot.inside(() -> call.apply(s))));
    } catch (RuntimeException | Error e) {
      slot.exitDetached();
      throw e;
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    running.whenComplete((value, failure) -> {
      slot.exitDetached();
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(value);
      }
    });
    return result;
  }

  @Override
  public dev.restock.api.seed.ReferenceData.Report seed(dev.restock.api.seed.ReferenceData data) {
    return slot.call(() -> slot.engine().seed(data));
  }

  @Override
  public Set<String> pickListStrategies() {
    return slot.call(() -> slot.engine().pickListStrategies());
  }

  @Override
  public Set<String> visitPolicies() {
    return slot.call(() -> slot.engine().visitPolicies());
  }

  @Override
  public Map<String, Long> auditSinkFailures() {
    return slot.call(() -> slot.engine().auditSinkFailures());
  }

  @Override
  public Map<String, Long> checkpointFailures() {
    return slot.call(() -> slot.engine().checkpointFailures());
  }

  @Override
  public dev.restock.api.ops.Health health() {
    return slot.call(() -> slot.engine().health());
  }

  @Override
  public dev.restock.api.ops.Statistics statistics() {
    return slot.call(() -> slot.engine().statistics());
  }

  @Override
  public dev.restock.api.ops.StartupReport startupReport() {
    return slot.call(() -> slot.engine().startupReport());
  }

  @Override
  public String storeDescription() {
    return slot.call(() -> slot.engine().storeDescription());
  }

  /** Refused: this is one tenant's engine already. */
  @Override
  public Restock tenant(String tenantId) {
    throw new IllegalStateException("this is the engine of tenant '" + slot.id
        + "'; choose another tenant on the multi-tenant engine");
  }

  /** Refused: tenants are administered on the multi-tenant engine. */
  @Override
  public dev.restock.api.tenant.TenantAdministration tenants() {
    throw new IllegalStateException("this is the engine of tenant '" + slot.id
        + "'; tenants are administered on the multi-tenant engine (engine.tenants())");
  }

  /**
   * Does nothing: the multi-tenant engine owns the tenant's engine and closes it when it is
   * closed itself, or when the tenant is retired or moved.
   */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "engine of tenant '" + slot.id + "'";
  }
}
