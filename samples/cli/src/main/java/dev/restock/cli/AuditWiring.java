package dev.restock.cli;

import dev.restock.core.audit.KeyFileSigner;
import dev.restock.core.audit.trust.AuditJson;
import dev.restock.core.audit.trust.Ed25519Keys;
import dev.restock.core.audit.trust.JsonLinesAnchorSink;
import dev.restock.core.wiring.RestockEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

/**
 * How the tool's {@code --audit-key} and {@code --anchors} options reach the engine: the key
 * file signs checkpoints, the anchor file receives each one, and it must lie outside the
 * database's directory.
 */
final class AuditWiring {
  private AuditWiring() {}

  /**
   * @param writing whether the command changes data: then, with a key or anchors, it leaves a
   *     checkpoint of what it chained when it closes, since a command never reaches the engine's
   *     count or period
   */
  static RestockEngine.Builder configure(RestockEngine.Builder builder, String db, Path auditKey,
      Path anchors, boolean writing) {
    if (auditKey != null) {
      builder.checkpointSigner(KeyFileSigner.load(auditKey));
    }
    if (anchors != null) {
      builder.anchorSink(sink(db, anchors));
      if (Files.exists(anchors)) {
        // nothing is signed over a chain that no longer matches what was anchored
        builder.checkpointAnchors(AuditJson.readCheckpoints(anchors, "anchors"));
      }
    }
    if (writing && (auditKey != null || anchors != null)) {
      builder.checkpointOnClose(true);
    }
    return builder;
  }

  static JsonLinesAnchorSink sink(String db, Path anchors) {
    return databaseDirectory(db).map(dir -> new JsonLinesAnchorSink(anchors, dir))
        .orElseGet(() -> new JsonLinesAnchorSink(anchors));
  }

  /** The public key to check signatures with: {@code --public-key}, else the signer's own. */
  static Optional<PublicKey> publicKey(Path publicKeyFile, Path auditKey) {
    if (publicKeyFile != null) {
      return Optional.of(Ed25519Keys.readPublicKey(publicKeyFile, "publicKey"));
    }
    return auditKey == null ? Optional.empty()
        : Optional.of(KeyFileSigner.load(auditKey).publicKey());
  }

  /** The directory of a file database given as a path or a SQLite/H2 file URL; else empty. */
  static Optional<Path> databaseDirectory(String db) {
    if (db == null || EngineCommand.MEMORY.equals(db)) {
      return Optional.empty();
    }
    String path = db;
    if (db.startsWith("jdbc:sqlite:")) {
      path = db.substring("jdbc:sqlite:".length());
      path = path.startsWith("file:") ? path.substring("file:".length()) : path;
      int query = path.indexOf('?');
      path = query < 0 ? path : path.substring(0, query);
    } else if (db.startsWith("jdbc:h2:file:")) {
      path = db.substring("jdbc:h2:file:".length());
      int options = path.indexOf(';');
      path = options < 0 ? path : path.substring(0, options);
    } else if (db.startsWith("jdbc:")) {
      return Optional.empty();
    }
    if (path.isBlank() || path.equals(":memory:")) {
      return Optional.empty();
    }
    Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
    return Optional.ofNullable(parent);
  }
}
