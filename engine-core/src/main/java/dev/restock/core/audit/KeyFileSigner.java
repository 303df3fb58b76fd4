package dev.restock.core.audit;

import dev.restock.api.error.ValidationException;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.core.audit.trust.Ed25519Keys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Signs checkpoints and backup metadata with an Ed25519 key read from a file, using only the
 * JDK's provider. The file holds the PKCS#8 private key and the X.509 public key, both PEM (the
 * JDK cannot derive an Ed25519 public key from a private one); {@code FILE.pub} holds the public
 * key alone, for verifiers. The key never leaves this object: nothing here writes it anywhere
 * but the key file itself.
 *
 * <p>Thread-safe: each signature uses its own {@link Signature} instance.
 */
public final class KeyFileSigner implements CheckpointSigner {
  /** The environment variable naming the key file when no path is configured. */
  public static final String ENV = "RESTOCK_AUDIT_KEY";
  /** The configuration key naming the key file. */
  public static final String PROPERTY = "restock.audit.key";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  private KeyFileSigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = Ed25519Keys.keyId(publicKey);
  }

  /**
   * Reads a key file that {@link #generate} wrote.
   *
   * @throws ValidationException naming {@code auditKey} when the file is missing, readable by
   *     others than its owner, or holds no matching Ed25519 key pair
   */
  public static KeyFileSigner load(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      refuseOpenPermissions(file);
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw ValidationException.of("auditKey", "no such key file: " + file);
    } catch (IOException e) {
      throw ValidationException.of("auditKey", "cannot read " + file + ": " + e.getMessage());
    }
    byte[] privateDer = Ed25519Keys.pemBlock(text, "PRIVATE KEY").orElseThrow(() ->
        ValidationException.of("auditKey", file + " holds no PEM private key"));
    byte[] publicDer = Ed25519Keys.pemBlock(text, "PUBLIC KEY").orElseThrow(() ->
        ValidationException.of("auditKey", file + " holds no PEM public key next to the private "
            + "one (write key files with 'restock audit keygen')"));
    PrivateKey privateKey;
    try {
      privateKey = KeyFactory.getInstance(Ed25519Keys.ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(privateDer));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw ValidationException.of("auditKey",
          file + " holds no Ed25519 private key: " + e.getMessage());
    }
    KeyFileSigner signer = new KeyFileSigner(privateKey,
        Ed25519Keys.publicKey(publicDer, file, "auditKey"));
    byte[] probe = "restock key pair check".getBytes(StandardCharsets.US_ASCII);
    if (!Ed25519Keys.verify(signer.publicKey, probe, signer.sign(probe))) {
      throw ValidationException.of("auditKey",
          file + ": its public key does not belong to its private key");
    }
    return signer;
  }

  /**
   * The signer configured by {@code restock.audit.key} in {@code config}, else by the
   * {@value #ENV} variable in {@code env}; empty when neither is set.
   */
  public static Optional<KeyFileSigner> configured(Map<String, String> config,
      Map<String, String> env) {
    String path = config.get(PROPERTY);
    if (path == null || path.isBlank()) {
      path = env.get(ENV);
    }
    return path == null || path.isBlank() ? Optional.empty()
        : Optional.of(load(Path.of(path.strip())));
  }

  /**
   * Writes a new key pair: {@code file} (private and public key, permissions 0600 where the file
   * system has POSIX permissions, created that way so it is never readable by others even for a
   * moment) and {@code file.pub} (the public key alone).
   *
   * @throws ValidationException naming {@code file} when either file exists already (a key is
   *     never overwritten: checkpoints signed with it would become unverifiable)
   */
  public static void generate(Path file) {
    Objects.requireNonNull(file, "file");
    Path pub = publicKeyFile(file);
    for (Path p : new Path[] {file, pub}) {
      if (Files.exists(p)) {
        throw ValidationException.of("file", p + " exists; a key is never overwritten");
      }
    }
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks Ed25519 (needs Java 15 or later)", e);
    }
    String publicPem = Ed25519Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded());
    try {
      write(file, Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + publicPem,
          true);
      write(pub, publicPem, false);
    } catch (FileAlreadyExistsException e) {
      throw ValidationException.of("file", e.getFile() + " exists; a key is never overwritten");
    } catch (IOException e) {
      throw ValidationException.of("file", "cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Where {@link #generate} puts the public key of {@code keyFile}: {@code keyFile.pub}. */
  public static Path publicKeyFile(Path keyFile) {
    return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
  }

  private static void write(Path file, String text, boolean secret) throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    boolean posix = Files.getFileStore(file.toAbsolutePath().getParent())
        .supportsFileAttributeView("posix");
    FileAttribute<?>[] attributes = secret && posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
        : new FileAttribute<?>[0];
    try (FileChannel channel = FileChannel.open(file, options, attributes)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    if (secret && posix) {
      // the umask can only remove bits at creation; set them exactly in case it was unusual
      Files.setPosixFilePermissions(file,
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  private static void refuseOpenPermissions(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
    open.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE));
    if (!open.isEmpty()) {
      throw ValidationException.of("auditKey", file + " is readable or writable by others "
          + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
          + "; restrict it to its owner (chmod 600)");
    }
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
      signer.initSign(privateKey);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    // never the key material, whatever logs this
    return "KeyFileSigner[" + keyId + "]";
  }
}
