package dev.restock.jpa.crypto.erasure;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A child JVM that erases users one after another, each in its own {@code users().erase} call
 * (its own unit of work), and prints {@code erased <id>} once that call has returned, i.e. after
 * the commit. It skips users already erased, so a restarted child continues where a killed one
 * stopped. It prints {@code ready <users left>} before the first erasure and {@code done} at the
 * end. Arguments: JDBC URL, user, password ("null" for none), key file, administrator id, file of
 * user ids (one per line, in erasure order).
 */
public final class ErasureProcess {
  private ErasureProcess() {}

  public static void main(String[] args) throws Exception {
    String user = "null".equals(args[1]) ? null : args[1];
    String password = "null".equals(args[2]) ? null : args[2];
    JpaStoreConfig config = JpaStoreConfig.of(args[0], user, password)
        .withKeys(KeyFileKeyProvider.load(Path.of(args[3])));
    UUID admin = UUID.fromString(args[4]);
    List<UUID> ids = Files.readAllLines(Path.of(args[5])).stream().map(UUID::fromString).toList();
    try (Restock engine = RestockEngine.builder().store(JpaStores.of(config)).build()) {
      RestockSession session = engine.as(Actor.user(admin));
      List<User> left = ids.stream().map(id -> session.users().get(id))
          .filter(u -> !u.erased()).toList();
      System.out.println("ready " + left.size());
      System.out.flush();
      for (User u : left) {
        session.users().erase(u.id(), "erasure request of " + u.username());
        System.out.println("erased " + u.id());
        System.out.flush();
      }
      System.out.println("done");
      System.out.flush();
    }
  }
}
