package dev.restock.jpa.tx;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * The host transaction's connection as Hibernate gets it: everything goes to the real connection
 * except what would end or reshape the host's transaction. {@code commit} does nothing (the host
 * commits later), {@code rollback} marks the host transaction rollback-only, {@code close} does
 * nothing (the host closes), and {@code setAutoCommit} leaves the connection as the host set it.
 * Rolling back to a savepoint, and unwrapping (e.g. to the SQLite driver's connection), reach the
 * real connection.
 */
final class HostConnection implements InvocationHandler {
  private final Connection target;
  private final HostTransaction host;
  private volatile boolean ended;

  private HostConnection(Connection target, HostTransaction host) {
    this.target = target;
    this.host = host;
  }

  /** A connection for Hibernate over {@code host}'s; {@link #end} it when the host's ends. */
  static Connection wrap(HostTransaction host) {
    Connection target = host.connection();
    if (target == null) {
      throw new IllegalStateException("the host transaction has no connection");
    }
    return (Connection) Proxy.newProxyInstance(HostConnection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new HostConnection(target, host));
  }

  /** After the host's transaction ended, a rollback no longer marks anything. */
  static void end(Connection proxy) {
    ((HostConnection) Proxy.getInvocationHandler(proxy)).ended = true;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    switch (name) {
      case "commit":
      case "close":
      case "setAutoCommit":
        return null;
      case "rollback":
        if (arity == 0) {
          if (!ended) {
            host.setRollbackOnly();
          }
          return null;
        }
        break;
      case "isWrapperFor":
        return Connection.class.equals(args[0]) || target.isWrapperFor((Class<?>) args[0]);
      case "unwrap":
        return Connection.class.equals(args[0]) ? proxy : target.unwrap((Class<?>) args[0]);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "host transaction connection " + target;
      default:
        break;
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
