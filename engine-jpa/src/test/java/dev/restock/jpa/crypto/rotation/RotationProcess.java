package dev.restock.jpa.crypto.rotation;

import dev.restock.api.audit.Actor;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM that rotates the master key and, after each batch, prints
 * {@code progress <rows re-encrypted> <rows left>} and waits for a line on its input, so that
 * the parent decides after which batch to kill it. Arguments: JDBC URL, user, password ("null"
 * for none), key file, batch size.
 */
public final class RotationProcess {
  private RotationProcess() {}

  public static void main(String[] args) throws Exception {
    String user = "null".equals(args[1]) ? null : args[1];
    String password = "null".equals(args[2]) ? null : args[2];
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    JpaStoreConfig config = JpaStoreConfig.of(args[0], user, password)
        .withKeys(KeyFileKeyProvider.load(Path.of(args[3])));
    try (JpaStore store = JpaStore.open(config)) {
      store.keyRotation().run(Actor.system(), "rotation in a child", Integer.parseInt(args[4]),
          p -> {
            System.out.println("progress " + p.rowsReencrypted() + " " + p.rowsLeftEstimate());
            System.out.flush();
            try {
              in.readLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
