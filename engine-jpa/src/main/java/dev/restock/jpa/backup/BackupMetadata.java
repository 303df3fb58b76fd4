package dev.restock.jpa.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.jpa.dialect.StoreDialect.BackupFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code FILE.json} beside each backup: writing, reading, signing and checking it, and the
 * naming that tells backups apart from every other file in a folder.
 */
final class BackupMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The stamp every file of one backup starts with (a dialect's id, then the time); temporary
   * files add a suffix to it.
   */
  static final Pattern STEM = Pattern.compile("restock-(" + StoreDialect.all().stream()
      .map(StoreDialect::id).collect(Collectors.joining("|")) + ")-\\d{8}-\\d{6}-\\d{3}");
  /** A finished backup's data file: a stem and the extension of a backup format. */
  static final Pattern DATA = Pattern.compile("(" + STEM.pattern() + ")(" + Arrays.stream(
      BackupFormat.values()).map(f -> Pattern.quote(f.extension()))
      .collect(Collectors.joining("|")) + ")");
  /** Leftovers of a backup that was killed or failed before its final rename. */
  static final Pattern TEMPORARY = Pattern.compile(STEM.pattern() + "\\..+\\.tmp");
  /** Versioned so that a later format is never verified as this one. */
  private static final String FORMAT = "restock-backup-metadata-v1";

  private BackupMetadata() {}

  static Path of(Path file) {
    return file.resolveSibling(file.getFileName() + ".json");
  }

  /** The file extension of a backup of {@code database}. */
  static String extension(Database database) {
    return database.dialect().backupFormat().extension();
  }

  /** Whether {@code name} is named like a backup's data file. */
  static boolean isData(String name) {
    return DATA.matcher(name).matches();
  }

  /** The metadata with a signature by {@code signer}, or unsigned when it is null. */
  static BackupInfo sign(BackupInfo info, CheckpointSigner signer) {
    if (signer == null) {
      return info;
    }
    String keyId = Objects.requireNonNull(signer.keyId(), "signer.keyId()");
    byte[] signature = signer.sign(signedBytes(info, keyId));
    return new BackupInfo(info.file(), info.takenAt(), info.database(), info.source(),
        info.schemaVersion(), info.rowCounts(), info.sha256(), info.bytes(), info.note(), keyId,
        Base64.getEncoder().encodeToString(signature));
  }

  /** Whether {@code info}'s signature was made over exactly these fields with {@code key}. */
  static boolean verifies(BackupInfo info, PublicKey key) {
    if (!info.signed()) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(signedBytes(info, info.keyId()));
      return verifier.verify(Base64.getDecoder().decode(info.signature()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // a malformed signature or a key of another algorithm proves nothing
      return false;
    }
  }

  /**
   * The signed message: every field in a fixed order, as compact JSON. The file's name is in it
   * and the folder is not, so a backup can be moved but not swapped with another one.
   */
  private static byte[] signedBytes(BackupInfo info, String keyId) {
    ObjectNode node = JSON.createObjectNode();
    node.put("format", FORMAT);
    fields(node, info);
    node.put("keyId", keyId);
    try {
      return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render backup metadata", e);
    }
  }

  private static void fields(ObjectNode node, BackupInfo info) {
    node.put("file", info.file().getFileName().toString());
    node.put("takenAt", info.takenAt().toString());
    node.put("database", info.database().name());
    node.put("source", info.source());
    node.put("schemaVersion", info.schemaVersion());
    node.set("rowCounts", JSON.valueToTree(new TreeMap<>(info.rowCounts())));
    node.put("sha256", info.sha256());
    node.put("bytes", info.bytes());
    node.put("note", info.note());
  }

  static void write(BackupInfo info, Path json) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    fields(node, info);
    node.put("keyId", info.keyId());
    node.put("signature", info.signature());
    JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), node);
  }

  /**
   * Reads {@code json}. The data file is always the one named like the metadata file (without
   * {@code .json}), in the same folder: a {@code file} field naming anything else is refused,
   * so that metadata can never point list, prune or restore at a file elsewhere.
   *
   * @throws BackupException saying what is wrong with the file
   */
  static BackupInfo read(Path json) {
    String name = json.getFileName().toString();
    if (!name.endsWith(".json") || !isData(name.substring(0, name.length() - 5))) {
      throw new BackupException("backup metadata " + json + " is not named like a backup ("
          + "restock-DATABASE-yyyyMMdd-HHmmss-SSS.EXT.json)");
    }
    String dataName = name.substring(0, name.length() - 5);
    JsonNode node;
    try {
      node = JSON.readTree(json.toFile());
    } catch (IOException e) {
      throw new BackupException("cannot read backup metadata " + json + ": " + e.getMessage(), e);
    }
    try {
      String file = text(node, "file");
      if (!dataName.equals(file)) {
        throw new BackupException("backup metadata " + json + " names the file '" + file
            + "'; it may only describe " + dataName + " beside it");
      }
      Map<String, Long> counts = new TreeMap<>();
      JsonNode rows = node.get("rowCounts");
      if (rows == null || !rows.isObject()) {
        throw new BackupException("backup metadata " + json + " has no rowCounts");
      }
      rows.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
      Database database = Database.valueOf(text(node, "database"));
      if (!dataName.startsWith("restock-" + database.name().toLowerCase(java.util.Locale.ROOT)
          + "-")) {
        throw new BackupException("backup metadata " + json + " says " + database
            + ", its name says otherwise");
      }
      return new BackupInfo(json.resolveSibling(dataName), Instant.parse(text(node, "takenAt")),
          database, text(node, "source"), optional(node, "schemaVersion"), counts,
          text(node, "sha256"), node.path("bytes").asLong(), optional(node, "note"),
          optional(node, "keyId"), optional(node, "signature"));
    } catch (BackupException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BackupException("cannot read backup metadata " + json + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value.asText();
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
