package dev.restock.cli;

import dev.restock.api.spi.CheckpointSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The audit key for the backup and restore commands: an Ed25519 private key in PKCS#8 PEM
 * ({@code -----BEGIN PRIVATE KEY-----}) and its public key in X.509 PEM beside it as
 * {@code FILE.pub}. A stop-gap until the engine's own key-file signer is available here.
 */
final class AuditKeyFile implements CheckpointSigner {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  private AuditKeyFile(PrivateKey privateKey, PublicKey publicKey, String keyId) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = keyId;
  }

  /**
   * Loads {@code file} and {@code file.pub}, checking that they are one Ed25519 key pair.
   *
   * @throws RestockCli.UsageException naming the file and what is wrong with it
   */
  static AuditKeyFile load(Path file) {
    Path pub = file.resolveSibling(file.getFileName() + ".pub");
    try {
      KeyFactory keys = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey = keys.generatePrivate(
          new PKCS8EncodedKeySpec(pem(file, "PRIVATE KEY")));
      PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(pem(pub, "PUBLIC KEY")));
      String keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(publicKey.getEncoded())).substring(0, 16);
      AuditKeyFile key = new AuditKeyFile(privateKey, publicKey, keyId);
      // a private key with the wrong .pub beside it would sign what nobody can verify
      byte[] probe = "restock audit key check".getBytes(StandardCharsets.UTF_8);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(key.sign(probe))) {
        throw new RestockCli.UsageException("audit key " + file + " and " + pub
            + " are not one key pair");
      }
      return key;
    } catch (IOException e) {
      throw new RestockCli.UsageException("cannot read the audit key: " + e.getMessage());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new RestockCli.UsageException("audit key " + file + " (with " + pub.getFileName()
          + ") is not an Ed25519 key pair in PEM: " + e.getMessage());
    }
  }

  private static byte[] pem(Path file, String type) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " does not exist");
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(file + " holds no " + type + " in PEM");
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
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
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the audit key " + keyId, e);
    }
  }
}
