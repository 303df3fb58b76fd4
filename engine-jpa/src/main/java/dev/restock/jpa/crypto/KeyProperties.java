package dev.restock.jpa.crypto;

import dev.restock.api.spi.KeyProvider;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of a key file or of {@code RESTOCK_KEYS}: {@code current=<id>},
 * {@code key.<id>=<base64 of 32 bytes>} (one or more) and {@code index=<base64 of 32 bytes>}.
 * Parsing collects every problem before failing.
 */
final class KeyProperties implements KeyProvider {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  static final int KEY_BYTES = 32;

  private final String current;
  private final Map<String, SecretKey> keys;
  private final SecretKey index;

  private KeyProperties(String current, Map<String, SecretKey> keys, SecretKey index) {
    this.current = current;
    this.keys = Map.copyOf(keys);
    this.index = index;
  }

  static KeyProperties parse(String source, Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    SecretKey index = null;
    String current = values.get("current");
    for (Map.Entry<String, String> e : values.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("key.")) {
        String id = name.substring(4);
        if (!ID.matcher(id).matches()) {
          problems.add("bad key id '" + id + "' (letters, digits, - and _, at most 32)");
          continue;
        }
        SecretKey key = key(name, e.getValue(), "AES", problems);
        if (key != null) {
          keys.put(id, key);
        }
      } else if (name.equals("index")) {
        index = key(name, e.getValue(), "HmacSHA256", problems);
      } else if (!name.equals("current")) {
        problems.add("unknown entry '" + name + "' (expected current, key.<id>, index)");
      }
    }
    if (current == null || current.isBlank()) {
      problems.add("missing current=<key id>");
    } else if (!ID.matcher(current.strip()).matches()) {
      problems.add("bad current key id '" + current + "' (letters, digits, - and _, at most 32)");
    } else if (!values.containsKey("key." + current.strip())) {
      problems.add("current key '" + current.strip() + "' has no key." + current.strip()
          + " entry");
    }
    if (!values.containsKey("index")) {
      problems.add("missing index=<base64 of 32 bytes>");
    }
    if (!problems.isEmpty()) {
      throw new KeyProviderException(source, problems);
    }
    return new KeyProperties(current.strip(), keys, index);
  }

  private static SecretKey key(String name, String text, String algorithm,
      List<String> problems) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      problems.add(name + " is not valid base64");
      return null;
    }
    if (bytes.length != KEY_BYTES) {
      problems.add(name + " must be " + KEY_BYTES + " bytes, was " + bytes.length);
      return null;
    }
    return new SecretKeySpec(bytes, algorithm);
  }

  /** {@code a=b;c=d} as entries, for the environment variable. */
  static Map<String, String> entries(String text, String separator) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : text.split(separator)) {
      String entry = part.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        values.put(entry, null);
      } else {
        values.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
      }
    }
    return values;
  }

  @Override
  public String currentKeyId() {
    return current;
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public SecretKey indexKey() {
    return index;
  }
}
