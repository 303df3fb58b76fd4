package dev.restock.jpa.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyProvidersTest {
  private static final String K32 = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String K16 = Base64.getEncoder().encodeToString(new byte[16]);

  @TempDir Path dir;

  @Test
  void aCreatedKeyFileLoadsBackIsOwnerOnlyAndAddKeyMakesTheNewKeyCurrentKeepingTheOld()
      throws Exception {
    Path file = dir.resolve("keys.properties");
    KeyFileKeyProvider created = KeyFileKeyProvider.create(file);
    assertThat(created.currentKeyId()).isEqualTo("k1");
    assertThat(created.key("k1")).isPresent();
    assertThat(created.indexKey().getEncoded()).hasSize(32);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    KeyFileKeyProvider rotated = KeyFileKeyProvider.addKey(file, "k2");
    assertThat(rotated.currentKeyId()).isEqualTo("k2");
    assertThat(rotated.key("k1").orElseThrow().getEncoded())
        .isEqualTo(created.key("k1").orElseThrow().getEncoded());
    assertThat(rotated.indexKey().getEncoded()).isEqualTo(created.indexKey().getEncoded());
    assertThat(KeyFileKeyProvider.load(file).currentKeyId()).isEqualTo("k2");
    assertThatThrownBy(() -> KeyFileKeyProvider.addKey(file, "k2"))
        .isInstanceOf(KeyProviderException.class).hasMessageContaining("k2' exists already");
    assertThatThrownBy(() -> KeyFileKeyProvider.create(file))
        .hasMessageContaining("cannot create key file");
  }

  @Test
  void addKeyReplacesTheFileWholeOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("keys.properties");
    KeyFileKeyProvider.create(file);
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
    KeyFileKeyProvider.addKey(file, "k2");
    KeyFileKeyProvider.addKey(file, "k3");

    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String text = Files.readString(file);
    assertThat(text).startsWith("# Restock master keys").contains("current=k3\n")
        .contains("key.k1=").contains("key.k2=").contains("key.k3=").contains("index=");
    assertThat(KeyFileKeyProvider.load(file).key("k1")).isPresent();
  }

  /**
   * An install that fails (injected at the moment the temporary file would replace the key
   * file, as a full disk or a read-only mount would make it fail) makes addKey fail: the old
   * file stays as it was and no copy of the keys is left beside it.
   */
  @Test
  void aFailedAddKeyLeavesTheOldFileIntactAndNoCopyOfTheKeys() throws Exception {
    Path file = dir.resolve("keys.properties");
    KeyFileKeyProvider.create(file);
    byte[] before = Files.readAllBytes(file);
    boolean[] ran = {false};
    KeyFileKeyProvider.beforeInstall = target -> {
      if (target.equals(file.toAbsolutePath())) {
        ran[0] = true;
        throw new IOException("injected: no space left on device");
      }
    };
    try {
      assertThatThrownBy(() -> KeyFileKeyProvider.addKey(file, "k2"))
          .hasMessageContaining("cannot write key file " + file)
          .hasRootCauseMessage("injected: no space left on device");
    } finally {
      KeyFileKeyProvider.beforeInstall = target -> { };
    }
    assertThat(ran[0]).isTrue();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  /**
   * create never replaces a file, even one another process writes at the path after create
   * looked and before its new file is installed: that file, possibly someone's only copy of a
   * master key, stays byte for byte, and no copy of the fresh keys is left beside it.
   */
  @Test
  void createRefusesAFileThatAppearsWhileItRunsAndLeavesItByteIdentical() throws Exception {
    Path file = dir.resolve("keys.properties");
    byte[] theirs = "current=theirs\nkey.theirs=their master key\n".getBytes(UTF_8);
    KeyFileKeyProvider.beforeInstall = target -> {
      if (target.equals(file.toAbsolutePath())) {
        Files.write(file, theirs);
      }
    };
    try {
      assertThatThrownBy(() -> KeyFileKeyProvider.create(file))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot create key file " + file)
          .hasCauseInstanceOf(FileAlreadyExistsException.class);
    } finally {
      KeyFileKeyProvider.beforeInstall = target -> { };
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void createRefusesAnExistingFileAndLeavesItByteIdentical() throws Exception {
    Path file = dir.resolve("keys.properties");
    KeyFileKeyProvider.create(file);
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> KeyFileKeyProvider.create(file, "k9"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(FileAlreadyExistsException.class);

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void aBadKeyFileNamesEveryProblemAtOnce() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "key.a!b=" + K32 + "\nkey.short=" + K16 + "\nkey.junk=***\n");
    assertThatThrownBy(() -> KeyFileKeyProvider.load(file))
        .isInstanceOf(KeyProviderException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("bad key id 'a!b'")
        .hasMessageContaining("key.short must be 32 bytes, was 16")
        .hasMessageContaining("key.junk is not valid base64")
        .hasMessageContaining("missing current")
        .hasMessageContaining("missing index")
        .satisfies(e -> assertThat(((KeyProviderException) e).problems()).hasSize(5));
  }

  @Test
  void aCurrentIdWithoutItsKeyIsRefused() {
    assertThatThrownBy(() -> new EnvironmentKeyProvider(Map.of("RESTOCK_KEYS",
            "current=k9;key.k1=" + K32 + ";index=" + K32)))
        .isInstanceOf(KeyProviderException.class)
        .hasMessageContaining("RESTOCK_KEYS")
        .hasMessageContaining("current key 'k9' has no key.k9 entry");
  }

  @Test
  void theStorePropertiesTakeAKeyFileAndNameABadOne() throws Exception {
    Path file = dir.resolve("keys.properties");
    KeyFileKeyProvider.create(file);
    var config = dev.restock.jpa.config.JpaStoreConfig.from(
        Map.of("restock.db.url", dir.resolve("a.db").toString(),
            "restock.keys.file", file.toString()), Map.of());
    assertThat(config.keys()).isNotNull();
    assertThat(config.keys().currentKeyId()).isEqualTo("k1");
    assertThat(dev.restock.jpa.config.JpaStoreConfig.from(
        Map.of("restock.db.url", dir.resolve("a.db").toString()), Map.of()).keys()).isNull();
    Files.writeString(dir.resolve("bad.properties"), "current=k1\n");
    assertThatThrownBy(() -> dev.restock.jpa.config.JpaStoreConfig.from(
            Map.of("restock.keys.file", dir.resolve("bad.properties").toString()), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restock.keys.file: ")
        .hasMessageContaining("current key 'k1' has no key.k1 entry")
        .hasMessageContaining("missing index");
  }

  @Test
  void theEnvironmentProviderReadsSemicolonSeparatedEntries() {
    EnvironmentKeyProvider keys = new EnvironmentKeyProvider(Map.of("RESTOCK_KEYS",
        " current=k2 ; key.k1=" + K32 + ";key.k2=" + K32 + ";index=" + K32));
    assertThat(keys.currentKeyId()).isEqualTo("k2");
    assertThat(keys.key("k1")).isPresent();
    assertThat(keys.key("k3")).isEmpty();
    assertThatThrownBy(() -> new EnvironmentKeyProvider(Map.of()))
        .isInstanceOf(KeyProviderException.class).hasMessage("RESTOCK_KEYS: not set");
    assertThatThrownBy(() -> new EnvironmentKeyProvider(Map.of("RESTOCK_KEYS",
            "current=k1;key.k1=" + K16 + ";index=nope!")))
        .hasMessageContaining("key.k1 must be 32 bytes, was 16")
        .hasMessageContaining("index is not valid base64");
  }
}
