package dev.restock.core.audit.trust;

import dev.restock.api.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 public keys for verifiers, with the JDK's own provider: PEM reading and writing, key
 * ids and signature checks. Needs no private key and no database, so an auditor's offline check
 * uses only this.
 */
public final class Ed25519Keys {
  public static final String ALGORITHM = "Ed25519";
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

  private Ed25519Keys() {}

  /**
   * The key's id: the first 16 hex digits of SHA-256 over its X.509 encoding, short enough to
   * print and long enough that two keys of one deployment never share it.
   */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}. */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      // a key of another algorithm or a signature of the wrong length proves nothing
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks Ed25519 (needs Java 15 or later)", e);
    }
  }

  /**
   * Reads a PEM public key ({@code -----BEGIN PUBLIC KEY-----}), as {@code restock audit keygen}
   * writes next to the private key.
   *
   * @throws ValidationException naming {@code field} when the file is missing, unreadable or
   *     holds no Ed25519 public key
   */
  public static PublicKey readPublicKey(Path file, String field) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw ValidationException.of(field, "no such file: " + file);
    } catch (IOException e) {
      throw ValidationException.of(field, "cannot read " + file + ": " + e.getMessage());
    }
    return pemBlock(text, "PUBLIC KEY").map(der -> publicKey(der, file, field)).orElseThrow(
        () -> ValidationException.of(field, file + " holds no PEM public key"));
  }

  public static PublicKey publicKey(byte[] der, Path file, String field) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw ValidationException.of(field, file + " holds no Ed25519 public key: " + e.getMessage());
    }
  }

  /** The DER bytes of the first PEM block labelled {@code label}, if any. */
  public static Optional<byte[]> pemBlock(String text, String label) {
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(label)) {
        try {
          return Optional.of(Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  public static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}
