package dev.restock.jpa.contract;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A JVM for {@link SqliteRestoreKillTest} to kill: restores a backup over a SQLite file,
 * replacing it, and prints {@code restored}. Arguments: backup file, target file, the trusted
 * public key (X.509, Base64).
 */
public final class RestoreProcess {
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    var key = KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(Base64.getDecoder().decode(args[2])));
    // the parent times its kills from here, past the JVM's start-up
    System.out.println("start");
    System.out.flush();
    Backups.restore(Path.of(args[0]), JpaStoreConfig.of("jdbc:sqlite:" + args[1], null, null),
        RestoreOptions.trusting(key).withReplace(true));
    System.out.println("restored");
  }
}
