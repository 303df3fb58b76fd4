package dev.restock.jpa.crypto;

import dev.restock.api.spi.KeyProvider;
import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Master keys from the environment variable {@value #VARIABLE}: the entries of a key file
 * ({@code current=<id>}, {@code key.<id>=<base64>}, {@code index=<base64>}) separated by
 * {@code ;}, e.g. {@code current=k1;key.k1=...;index=...}.
 */
@Experimental(since = "0.3")
public final class EnvironmentKeyProvider implements KeyProvider {
  /** The variable the keys are read from. */
  public static final String VARIABLE = "RESTOCK_KEYS";
  private final KeyProperties keys;

  /** The keys of this process's environment. */
  public EnvironmentKeyProvider() {
    this(System.getenv());
  }

  /**
   * The keys of {@code env} (for tests and hosts that pass their own environment).
   *
   * @throws KeyProviderException naming every problem, or that the variable is not set
   */
  public EnvironmentKeyProvider(Map<String, String> env) {
    String text = env.get(VARIABLE);
    if (text == null || text.isBlank()) {
      throw new KeyProviderException(VARIABLE, List.of("not set"));
    }
    this.keys = KeyProperties.parse(VARIABLE, KeyProperties.entries(text, ";"));
  }

  @Override
  public String currentKeyId() {
    return keys.currentKeyId();
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return keys.key(keyId);
  }

  @Override
  public SecretKey indexKey() {
    return keys.indexKey();
  }
}
