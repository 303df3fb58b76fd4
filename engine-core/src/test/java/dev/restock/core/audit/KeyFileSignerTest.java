package dev.restock.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.core.audit.trust.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileSignerTest {
  @TempDir Path dir;

  @Test
  void generateWritesAnOwnerOnlyKeyFileAndAPublicKeyFileThatVerifyItsSignatures()
      throws Exception {
    Path key = dir.resolve("audit.key");
    KeyFileSigner.generate(key);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    Path pub = dir.resolve("audit.key.pub");
    assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n")
        .doesNotContain("PRIVATE");
    assertThat(Files.readString(key)).contains("-----BEGIN PRIVATE KEY-----");

    KeyFileSigner signer = KeyFileSigner.load(key);
    byte[] message = "size 5".getBytes(StandardCharsets.UTF_8);
    byte[] signature = signer.sign(message);
    var publicKey = Ed25519Keys.readPublicKey(pub, "publicKey");
    assertThat(Ed25519Keys.verify(publicKey, message, signature)).isTrue();
    assertThat(Ed25519Keys.verify(publicKey, "size 6".getBytes(StandardCharsets.UTF_8),
        signature)).isFalse();
    assertThat(Ed25519Keys.keyId(publicKey)).isEqualTo(signer.keyId()).hasSize(16);
    assertThat(signer.toString()).doesNotContain("PRIVATE").contains(signer.keyId());
  }

  @Test
  void aKeyIsNeverOverwritten() throws Exception {
    Path key = dir.resolve("audit.key");
    KeyFileSigner.generate(key);
    String before = Files.readString(key);
    assertThatThrownBy(() -> KeyFileSigner.generate(key)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("never overwritten");
    assertThat(Files.readString(key)).isEqualTo(before);
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    Path key = dir.resolve("audit.key");
    KeyFileSigner.generate(key);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> KeyFileSigner.load(key)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void missingMismatchedOrForeignKeyFilesAreRefusedByName() throws Exception {
    assertThatThrownBy(() -> KeyFileSigner.load(dir.resolve("none.key")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("no such key file");
    Path a = dir.resolve("a.key");
    Path b = dir.resolve("b.key");
    KeyFileSigner.generate(a);
    KeyFileSigner.generate(b);
    // a's private key with b's public key
    Path mixed = dir.resolve("mixed.key");
    String aText = Files.readString(a);
    String privatePart = aText.substring(0, aText.indexOf("-----BEGIN PUBLIC KEY-----"));
    Files.writeString(mixed, privatePart + Files.readString(dir.resolve("b.key.pub")));
    Files.setPosixFilePermissions(mixed, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> KeyFileSigner.load(mixed)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not belong to its private key");
    Path rsa = dir.resolve("garbage.key");
    Files.writeString(rsa, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    Files.setPosixFilePermissions(rsa, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> KeyFileSigner.load(rsa)).isInstanceOf(ValidationException.class);
  }

  @Test
  void theKeyComesFromConfigurationElseFromTheEnvironment() {
    Path a = dir.resolve("a.key");
    Path b = dir.resolve("b.key");
    KeyFileSigner.generate(a);
    KeyFileSigner.generate(b);
    String idA = KeyFileSigner.load(a).keyId();
    String idB = KeyFileSigner.load(b).keyId();
    assertThat(KeyFileSigner.configured(Map.of(KeyFileSigner.PROPERTY, a.toString()),
        Map.of(KeyFileSigner.ENV, b.toString())).orElseThrow().keyId()).isEqualTo(idA);
    assertThat(KeyFileSigner.configured(Map.of(), Map.of(KeyFileSigner.ENV, b.toString()))
        .orElseThrow().keyId()).isEqualTo(idB);
    assertThat(KeyFileSigner.configured(Map.of(), Map.of())).isEmpty();
  }
}
