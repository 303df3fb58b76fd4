package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.query.PageRequest;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a fresh JVM: time from JVM start to the first query's result, and heap used after it.
 * Arguments: {@code engine|jdbc}, JDBC URL, user (or -). Prints "millis heapBytes".
 */
public final class ColdStart {
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    System.setProperty("org.jboss.logging.provider", "slf4j");
    String url = args[1];
    String user = args[2].equals("-") ? null : args[2];
    Runnable close;
    if (args[0].equals("engine")) {
      String base = url.replaceFirst("\\?currentSchema=.*", "");
      String schema = url.contains("currentSchema=") ? url.replaceFirst(".*currentSchema=", "")
          : null;
      JpaStoreConfig config = JpaStoreConfig.of(base, user, user == null ? null : "");
      if (schema != null) {
        config = config.withSchema(schema);
      }
      Restock engine = RestockEngine.builder().store(JpaStores.of(config)).build();
      engine.as(Actor.system()).products().list(PageRequest.of(0, 1));
      close = engine::close;
    } else {
      Connection c = DriverManager.getConnection(url, user, user == null ? null : "");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select id from product where deleted_at is null order by sku limit 1")) {
        rs.next();
      }
      close = () -> {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
    }
    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.println(millis + " " + heap);
    close.run();
  }

  private ColdStart() {}
}
