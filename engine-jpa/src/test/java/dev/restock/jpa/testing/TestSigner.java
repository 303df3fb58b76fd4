package dev.restock.jpa.testing;

import dev.restock.api.spi.CheckpointSigner;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/** An Ed25519 signer with a fresh in-memory key pair from the JDK, for tests. */
public final class TestSigner implements CheckpointSigner {
  private final KeyPair keys;
  private final String keyId;

  private TestSigner(KeyPair keys) throws GeneralSecurityException {
    this.keys = keys;
    this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(keys.getPublic().getEncoded())).substring(0, 16);
  }

  /** A signer with a key pair of its own. */
  public static TestSigner generate() {
    try {
      return new TestSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public PublicKey publicKey() {
    return keys.getPublic();
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(keys.getPrivate());
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }
}
