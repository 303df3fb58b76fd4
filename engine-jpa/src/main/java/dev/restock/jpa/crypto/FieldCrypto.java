package dev.restock.jpa.crypto;

import dev.restock.api.spi.KeyProvider;
import dev.restock.api.stability.Experimental;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hibernate.Session;

/**
 * Encryption of personal fields in the JPA store (see docs/personal-data.md). Each value is
 * sealed with AES-GCM under a data key (DEK) of its subject ({@code user:<id>} for a user's
 * email, {@link #STORE} for every other field); DEKs are wrapped under the provider's current
 * master key and kept in {@code subject_key}, which is neither audited nor hash-chained, so
 * deleting a subject's rows there makes every copy of its values unreadable (crypto-shredding)
 * while the hash chain, which covers only each value's salted commitment, stays intact.
 *
 * <p>Without a {@link KeyProvider} ({@link #NONE}) every method passes plain values through.
 * Thread-safe; database work runs in the caller's unit of work.
 */
@Experimental(since = "0.3")
public final class FieldCrypto {
  /** The subject of every encrypted field that belongs to no person. */
  public static final String STORE = "store";
  /** What history shows for a value whose data key was destroyed by erasure. */
  public static final String ERASED = "[erased]";
  /**
   * How long an unwrapped data key is kept in memory. An erasure in this process evicts at once;
   * another process sharing the database may still read the erased subject's values for at most
   * this long.
   */
  public static final Duration DEK_CACHE_TTL = Duration.ofSeconds(60);
  /** Unwrapped data keys kept at most. */
  public static final int DEK_CACHE_MAX = 10_000;
  /** A store without keys: plain values. */
  public static final FieldCrypto NONE = new FieldCrypto(null, Clock.systemUTC(), () -> {
    throw new IllegalStateException("no keys");
  });

  private static final String PREFIX = "ENC1.";
  private static final Pattern SEALED = Pattern.compile(
      "ENC1\\.([0-9]{1,10})\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]{43})");
  /** The columns that may hold sealed values; the hash chain hashes only their commitment. */
  private static final java.util.Set<String> SEALED_COLUMNS =
      java.util.Set.of("email", "address", "notes");
  private static final byte[] COMMIT_TAG = "restock-commit-v1".getBytes(StandardCharsets.UTF_8);
  private static final int SALT = 16;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  record Dek(int id, String subject, SecretKey key, long loadedAt) {}

  private final KeyProvider keys;
  private final Clock clock;
  private final Supplier<Session> sessions;
  private final Map<Integer, Dek> cache = new ConcurrentHashMap<>();

  private FieldCrypto(KeyProvider keys, Clock clock, Supplier<Session> sessions) {
    this.keys = keys;
    this.clock = clock;
    this.sessions = sessions;
  }

  /**
   * Encryption under {@code keys}; {@link #NONE} when null.
   *
   * @param sessions the session of the current unit of work, in which data keys are read,
   *     created and destroyed
   */
  public static FieldCrypto of(KeyProvider keys, Clock clock, Supplier<Session> sessions) {
    return keys == null ? NONE : new FieldCrypto(keys, clock, sessions);
  }

  /** Whether values are encrypted. */
  public boolean enabled() {
    return keys != null;
  }

  /** The subject of a user's personal fields. */
  public static String userSubject(Object userId) {
    return "user:" + userId;
  }

  /** The subject of the personal fields of row {@code rowId} of {@code table}. */
  public static String subjectOf(String table, String rowId) {
    return "app_user".equals(table) ? userSubject(rowId) : STORE;
  }

  /**
   * {@code state} (a history state map of a row of {@code table}, field names being column
   * names for personal fields) with every sealed value opened.
   */
  public Map<String, String> reveal(String table, String rowId, Map<String, String> state) {
    Map<String, String> shown = new java.util.LinkedHashMap<>(state);
    for (Map.Entry<String, String> e : shown.entrySet()) {
      if (SEALED_COLUMNS.contains(e.getKey()) && isSealed(e.getValue())) {
        e.setValue(open(table, e.getKey(), subjectOf(table, rowId), rowId, e.getValue()));
      }
    }
    return shown;
  }

  /** {@link #open} for a value of a personal column of {@code table} in row {@code rowId}. */
  public String open(String table, String column, Object rowId, String stored) {
    return open(table, column, subjectOf(table, String.valueOf(rowId)), String.valueOf(rowId),
        stored);
  }

  /**
   * The stored form of {@code plain} in {@code table.column}: sealed under {@code subject}'s
   * data key (created in the current unit of work when it has none), or {@code stored} itself
   * when it already holds {@code plain}, so that an unchanged field is not rewritten.
   */
  public String seal(String table, String column, String subject, String plain, String stored) {
    if (keys == null || plain == null) {
      return plain;
    }
    if (stored != null && isSealed(stored)) {
      Optional<String> current = tryOpen(table, column, stored);
      if (current.isPresent() && current.get().equals(plain)) {
        return stored;
      }
    }
    Dek dek = currentDek(subject);
    byte[] salt = new byte[SALT];
    RANDOM.nextBytes(salt);
    return seal(table, column, dek, salt, plain);
  }

  private static String seal(String table, String column, Dek dek, byte[] salt, String plain) {
    byte[] value = plain.getBytes(StandardCharsets.UTF_8);
    String commitment = B64.encodeToString(commitment(salt, value));
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, dek.key(), new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(aad(table, column, commitment));
      byte[] sealed = gcm.doFinal(ByteBuffer.allocate(SALT + value.length).put(salt).put(value)
          .array());
      byte[] out = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + dek.id() + "." + B64.encodeToString(out) + "." + commitment;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The plain text of a stored value of {@code table.column} in row {@code rowId}: plain values
   * as they are, {@link #ERASED} when its data key was destroyed by erasure.
   *
   * @throws FieldDecryptionException when the value was altered or its key is missing
   */
  public String open(String table, String column, String subject, String rowId, String stored) {
    if (stored == null || !isSealed(stored)) {
      return stored;
    }
    if (keys == null) {
      throw new FieldDecryptionException(where(table, column, rowId) + " is encrypted, but the "
          + "store was opened without keys: configure JpaStoreConfig.withKeys(KeyProvider) or "
          + "restock.keys.file", null);
    }
    Matcher m = SEALED.matcher(stored);
    m.matches();
    int dekId = Integer.parseInt(m.group(1));
    Optional<Dek> dek = dek(dekId);
    if (dek.isEmpty()) {
      if (erased(subject)) {
        return ERASED;
      }
      throw new FieldDecryptionException(where(table, column, rowId) + " names data key "
          + dekId + ", which is missing although " + subject + " was never erased", null);
    }
    try {
      return decrypt(table, column, dek.get(), m);
    } catch (GeneralSecurityException | IllegalArgumentException first) {
      Exception failure = first;
      // a key cached before a rolled-back unit of work reused its id: read it again once
      cache.remove(dekId);
      Optional<Dek> fresh = dek(dekId);
      if (fresh.isPresent() && !fresh.get().key().equals(dek.get().key())) {
        try {
          return decrypt(table, column, fresh.get(), m);
        } catch (GeneralSecurityException | IllegalArgumentException again) {
          failure = again;
        }
      }
      throw new FieldDecryptionException(where(table, column, rowId) + " cannot be decrypted:"
          + " its ciphertext or commitment was altered (" + failure.getClass().getSimpleName()
          + ")", failure);
    }
  }

  private Optional<String> tryOpen(String table, String column, String stored) {
    Matcher m = SEALED.matcher(stored);
    m.matches();
    try {
      Optional<Dek> dek = dek(Integer.parseInt(m.group(1)));
      return dek.isEmpty() ? Optional.empty() : Optional.of(decrypt(table, column, dek.get(), m));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String where(String table, String column, String rowId) {
    return table + "." + column + " of row " + rowId;
  }

  private static String decrypt(String table, String column, Dek dek, Matcher m)
      throws GeneralSecurityException {
    byte[] sealed = B64D.decode(m.group(2));
    String commitment = m.group(3);
    if (sealed.length < NONCE + SALT + TAG_BITS / 8) {
      throw new javax.crypto.AEADBadTagException("too short");
    }
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, dek.key(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
    gcm.updateAAD(aad(table, column, commitment));
    byte[] plain = gcm.doFinal(sealed, NONCE, sealed.length - NONCE);
    byte[] salt = java.util.Arrays.copyOf(plain, SALT);
    byte[] value = java.util.Arrays.copyOfRange(plain, SALT, plain.length);
    if (!MessageDigest.isEqual(commitment(salt, value), B64D.decode(commitment))) {
      throw new javax.crypto.AEADBadTagException("commitment does not match");
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static byte[] aad(String table, String column, String commitment) {
    return (table + "." + column + "|" + commitment).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] commitment(byte[] salt, byte[] value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(COMMIT_TAG);
      sha.update(salt);
      sha.update(value);
      return sha.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Whether {@code value} has the form of a sealed value. */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX) && SEALED.matcher(value).matches();
  }

  /**
   * What the hash chain covers of a value of {@code column}: {@code ENC1.<commitment>} for a
   * sealed value of a personal column (data key id and ciphertext left out, so re-encryption and
   * key destruction keep every hash), the value itself otherwise.
   */
  public static String chainForm(String column, String value) {
    if (value != null && SEALED_COLUMNS.contains(column) && isSealed(value)) {
      return PREFIX + value.substring(value.lastIndexOf('.') + 1);
    }
    return value;
  }

  /**
   * The equality index of {@code plain} in {@code table.column}: hex HMAC-SHA256 under the
   * index key; null without keys or for null.
   */
  public String index(String table, String column, String plain) {
    if (keys == null || plain == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.indexKey().getEncoded(), "HmacSHA256"));
      mac.update((table + "." + column + "\0").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Destroys {@code subject}'s data keys in the current unit of work and records it as erased;
   * evicts them from this process's cache at once.
   */
  public void shred(String subject) {
    Session s = sessions.get();
    s.doWork(c -> destroySubjectKeys(c, subject));
    if (!erased(subject)) {
      s.createNativeMutationQuery(
              "insert into erased_subject (subject, erased_at) values (:s, :t)")
          .setParameter("s", subject)
          .setParameter("t", java.sql.Timestamp.from(clock.instant())).executeUpdate();
    }
    cache.values().removeIf(d -> d.subject().equals(subject));
  }

  /**
   * Destroys every data key of {@code subject} on {@code c}, in the caller's transaction (see
   * {@link #destroyKeys}). Used by erasure and by a restore that carries erasures.
   *
   * @return the {@code subject_key} rows deleted
   */
  @dev.restock.api.stability.Internal(since = "0.3")
  public static int destroySubjectKeys(Connection c, String subject) throws SQLException {
    return destroyKeys(c, "subject = ?", subject);
  }

  /** Destroys data key {@code id} unless it is wrapped under {@code currentKekId} (rotation). */
  static int destroyKeyNotUnder(Connection c, int id, String currentKekId) throws SQLException {
    return destroyKeys(c, "id = ? and kek_id <> ?", id, currentKekId);
  }

  /**
   * The one way a data key is destroyed: its wrapped text is first overwritten in place with
   * filler of the same length, then the row is deleted. SQLite without {@code secure_delete}
   * (any connection but the store's own, e.g. a restore's) keeps a deleted row's bytes in its
   * free pages, so the file and a file-copy backup would still hold the key text; a
   * same-length overwrite rewrites the cell where it is, leaving only the filler behind.
   */
  private static int destroyKeys(Connection c, String where, Object... params)
      throws SQLException {
    try (PreparedStatement overwrite = c.prepareStatement(
            "update subject_key set wrapped = substr(?, 1, length(wrapped)) where " + where);
        PreparedStatement delete = c.prepareStatement(
            "delete from subject_key where " + where)) {
      overwrite.setString(1, "0".repeat(4096));
      for (int i = 0; i < params.length; i++) {
        overwrite.setObject(i + 2, params[i]);
        delete.setObject(i + 1, params[i]);
      }
      overwrite.executeUpdate();
      return delete.executeUpdate();
    }
  }

  private boolean erased(String subject) {
    return ((Number) sessions.get().createNativeQuery(
            "select count(*) from erased_subject where subject = :s", Object.class)
        .setParameter("s", subject).getSingleResult()).longValue() > 0;
  }

  private Dek currentDek(String subject) {
    Session s = sessions.get();
    List<Object[]> rows = s.createNativeQuery(
            // the newest: after a rotation began, the one wrapped under the current master key
            "select id, kek_id, wrapped from subject_key where subject = :s order by id desc",
            Object[].class)
        .setParameter("s", subject).setMaxResults(1).getResultList();
    if (!rows.isEmpty()) {
      int id = ((Number) rows.get(0)[0]).intValue();
      Dek cached = fresh(id);
      if (cached != null && cached.subject().equals(subject)) {
        return cached;
      }
      return remember(unwrap(id, subject, (String) rows.get(0)[1], (String) rows.get(0)[2]));
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    SecretKey dek = new SecretKeySpec(raw, "AES");
    String kekId = keys.currentKeyId();
    String wrapped = wrap(kekId, subject, dek);
    s.createNativeMutationQuery("insert into subject_key (subject, kek_id, wrapped, created_at)"
            + " values (:s, :k, :w, :t)")
        .setParameter("s", subject).setParameter("k", kekId).setParameter("w", wrapped)
        .setParameter("t", java.sql.Timestamp.from(clock.instant())).executeUpdate();
    int id = ((Number) s.createNativeQuery(
            "select max(id) from subject_key where subject = :s and wrapped = :w", Object.class)
        .setParameter("s", subject).setParameter("w", wrapped).getSingleResult()).intValue();
    // not cached: the unit of work may still roll back
    return new Dek(id, subject, dek, System.nanoTime());
  }

  private Optional<Dek> dek(int id) {
    Dek cached = fresh(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    List<Object[]> rows = sessions.get().createNativeQuery(
            "select subject, kek_id, wrapped from subject_key where id = :i", Object[].class)
        .setParameter("i", id).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    return Optional.of(remember(unwrap(id, (String) row[0], (String) row[1], (String) row[2])));
  }

  private Dek fresh(int id) {
    Dek cached = cache.get(id);
    if (cached != null && System.nanoTime() - cached.loadedAt() > DEK_CACHE_TTL.toNanos()) {
      cache.remove(id);
      return null;
    }
    return cached;
  }

  private Dek remember(Dek dek) {
    if (cache.size() >= DEK_CACHE_MAX) {
      cache.clear();
    }
    cache.put(dek.id(), dek);
    return dek;
  }

  private String wrap(String kekId, String subject, SecretKey dek) {
    SecretKey kek = kek(kekId);
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = gcm.doFinal(dek.getEncoded());
      return B64.encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce)
          .put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private Dek unwrap(int id, String subject, String kekId, String wrapped) {
    SecretKey kek = kek(kekId);
    try {
      byte[] sealed = B64D.decode(wrapped);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      gcm.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
      byte[] raw = gcm.doFinal(sealed, NONCE, sealed.length - NONCE);
      return new Dek(id, subject, new SecretKeySpec(raw, "AES"), System.nanoTime());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new FieldDecryptionException("data key " + id + " of " + subject + " in subject_key"
          + " cannot be unwrapped under master key " + kekId + ": it was altered", e);
    }
  }

  private SecretKey kek(String kekId) {
    SecretKey key = keys.key(kekId).orElseThrow(() -> new KeyProviderException("key provider",
        List.of("master key '" + kekId + "' is missing")));
    return new SecretKeySpec(key.getEncoded(), "AES");
  }

  /** The provider's current master key id (rotation). */
  String currentKeyId() {
    return keys.currentKeyId();
  }

  /** A fresh data key for {@code subject} and its wrapped form under the current master key. */
  Map.Entry<SecretKey, String> newWrappedDek(String subject) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    SecretKey dek = new SecretKeySpec(raw, "AES");
    return Map.entry(dek, wrap(keys.currentKeyId(), subject, dek));
  }

  /** Unwraps a {@code subject_key} row without caching it (rotation). */
  Dek unwrapRow(int id, String subject, String kekId, String wrapped) {
    return unwrap(id, subject, kekId, wrapped);
  }

  /** The data key id a sealed value names, or -1 for a value that is not sealed. */
  static int dekIdOf(String stored) {
    if (!isSealed(stored)) {
      return -1;
    }
    try {
      return Integer.parseInt(stored.substring(PREFIX.length(),
          stored.indexOf('.', PREFIX.length())));
    } catch (NumberFormatException e) {
      return -1; // ten digits beyond int: no key has such an id
    }
  }

  /**
   * {@code stored} re-encrypted under {@code to}: same salt and commitment (so the hash chain and
   * every inclusion proof keep their hashes), a new nonce and the new data key id.
   *
   * @throws FieldDecryptionException when {@code stored} does not open under {@code from}
   */
  static String reseal(String table, String column, String stored, Dek from, Dek to) {
    Matcher m = SEALED.matcher(stored);
    if (!m.matches()) {
      throw new IllegalArgumentException(table + "." + column + " holds no sealed value");
    }
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] sealed = B64D.decode(m.group(2));
      gcm.init(Cipher.DECRYPT_MODE, from.key(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      gcm.updateAAD(aad(table, column, m.group(3)));
      byte[] saltAndValue = gcm.doFinal(sealed, NONCE, sealed.length - NONCE);
      byte[] salt = java.util.Arrays.copyOf(saltAndValue, SALT);
      String plain = new String(java.util.Arrays.copyOfRange(saltAndValue, SALT,
          saltAndValue.length), StandardCharsets.UTF_8);
      String out = seal(table, column, to, salt, plain);
      if (!out.endsWith("." + m.group(3))) {
        throw new FieldDecryptionException(table + "." + column + " (data key " + from.id()
            + "): its commitment does not match its value", null);
      }
      return out;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new FieldDecryptionException(table + "." + column + " sealed under data key "
          + from.id() + " cannot be decrypted: its ciphertext or commitment was altered", e);
    }
  }

  /** Forgets the cached data keys {@code ids} (destroyed by a rotation). */
  void evict(java.util.Collection<Integer> ids) {
    ids.forEach(cache::remove);
  }

  /**
   * Refuses to open a store whose database holds encrypted values ({@code subject_key} rows)
   * without keys, or with keys that lack a master key id recorded there. Reads only.
   *
   * @throws IllegalStateException naming {@code withKeys}/{@code restock.keys.file} or the
   *     missing ids
   */
  public static void checkOnOpen(Connection c, KeyProvider keys, String jdbcUrl)
      throws SQLException {
    TreeSet<String> ids = new TreeSet<>();
    try (Statement st = c.createStatement()) {
      try (ResultSet r = st.executeQuery("select distinct kek_id from subject_key")) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      if (ids.isEmpty()) {
        try (ResultSet erased = st.executeQuery("select count(*) from erased_subject")) {
          // keys of erased subjects are gone, but their values are still ciphertext
          if (erased.next() && erased.getLong(1) > 0) {
            ids.add("(any: only erased subjects' values are left)");
          }
        }
      }
    } catch (SQLException e) {
      // a schema before version 8 (not migrated at start) has no data keys; validation speaks
      return;
    }
    if (ids.isEmpty()) {
      return;
    }
    if (keys == null) {
      throw new IllegalStateException(jdbcUrl + " holds encrypted personal data (data keys under"
          + " master keys " + String.join(", ", ids) + "), but the store was opened without"
          + " keys: configure them with JpaStoreConfig.withKeys(KeyProvider) or the property"
          + " restock.keys.file");
    }
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (id.startsWith("(")) {
        continue;
      }
      if (keys.key(id).isEmpty()) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(jdbcUrl + " holds data keys wrapped under master keys "
          + "the key provider does not hold: " + String.join(", ", missing)
          + "; add them to the key file or RESTOCK_KEYS");
    }
  }
}
