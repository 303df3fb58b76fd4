package dev.restock.jpa.crypto;

import dev.restock.api.spi.KeyProvider;
import dev.restock.api.stability.Experimental;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * Master keys from a properties file: {@code current=<id>}, one or more
 * {@code key.<id>=<base64 of 32 bytes>} and {@code index=<base64 of 32 bytes>}. The file is read
 * once, by {@link #load(Path)}; keep it outside the database's directory and its backups.
 */
@Experimental(since = "0.3")
public final class KeyFileKeyProvider implements KeyProvider {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  /**
   * Runs once the temporary file is written and forced, just before it is installed at the
   * target path: tests make the install fail, or another file appear, at that moment.
   */
  static volatile BeforeInstall beforeInstall = target -> { };
  private final KeyProperties keys;

  private KeyFileKeyProvider(KeyProperties keys) {
    this.keys = keys;
  }

  /**
   * The keys of the file at {@code path}.
   *
   * @throws KeyProviderException naming every problem of the file
   * @throws UncheckedIOException when it cannot be read
   */
  public static KeyFileKeyProvider load(Path path) {
    return new KeyFileKeyProvider(KeyProperties.parse(path.toString(), read(path)));
  }

  /**
   * Writes a new key file at {@code path} with a fresh master key (id {@code initialId}, made
   * current) and a fresh index key, readable by its owner only where the file system has POSIX
   * permissions, and answers its keys.
   *
   * @throws KeyProviderException on a bad id
   * @throws UncheckedIOException when the file exists or cannot be written; a file that
   *     appears at {@code path} while this runs is never replaced
   */
  public static KeyFileKeyProvider create(Path path, String initialId) {
    requireId(path, initialId);
    Map<String, String> values = new TreeMap<>();
    values.put("current", initialId);
    values.put("key." + initialId, fresh());
    values.put("index", fresh());
    try {
      if (Files.exists(path)) {
        throw new FileAlreadyExistsException(path.toString());
      }
      writeDurably(path, values, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create key file " + path, e);
    }
    return load(path);
  }

  /** {@link #create(Path, String)} with the key id {@code k1}. */
  public static KeyFileKeyProvider create(Path path) {
    return create(path, "k1");
  }

  /**
   * Adds a fresh master key {@code newId} to the file at {@code path} and makes it current; the
   * older keys stay, so values wrapped under them can still be read. For rotation.
   *
   * @throws KeyProviderException on a bad or existing id, or a bad file
   */
  public static KeyFileKeyProvider addKey(Path path, String newId) {
    requireId(path, newId);
    Map<String, String> values = new TreeMap<>(read(path));
    KeyProperties.parse(path.toString(), values);
    if (values.containsKey("key." + newId)) {
      throw new KeyProviderException(path.toString(), List.of("key id '" + newId
          + "' exists already"));
    }
    values.put("key." + newId, fresh());
    values.put("current", newId);
    try {
      writeDurably(path, values, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + path, e);
    }
    return load(path);
  }

  private static void requireId(Path path, String id) {
    if (id == null || !KeyProperties.ID.matcher(id).matches()) {
      throw new KeyProviderException(path.toString(), List.of("bad key id '" + id
          + "' (letters, digits, - and _, at most 32)"));
    }
  }

  private static String fresh() {
    byte[] key = new byte[KeyProperties.KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static Map<String, String> read(Path path) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + path, e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(n -> values.put(n, properties.getProperty(n)));
    return values;
  }

  /**
   * Writes {@code values} as the file at {@code path} so that a crash or power loss at any
   * moment leaves either the old file (or none) or the new one, never a partial one: a temporary
   * file in the same directory (owner-only from its creation), forced to disk, installed at
   * {@code path}, then the directory forced so the install itself is durable. On failure the
   * temporary file is removed and {@code path} is as it was.
   *
   * <p>With {@code replace} the temporary file is moved over {@code path} atomically. Without
   * it, an existing file must never be replaced, even one created by someone else since the
   * caller looked: the temporary file is hard-linked at {@code path}, which fails if anything is
   * there, and then removed. Where hard links are not supported the file is written in place
   * with {@code CREATE_NEW}, which also never replaces (but a crash may leave it partial).
   */
  private static void writeDurably(Path path, Map<String, String> values, boolean replace)
      throws IOException {
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    StringBuilder text = new StringBuilder(
        "# Restock master keys: keep secret, keep out of backups of the database\n");
    for (Map.Entry<String, String> e : values.entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    }
    boolean moved = false;
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        writeAll(out, content);
        out.force(true);
      }
      beforeInstall.run(absolute);
      if (replace) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        moved = true;
      } else if (!link(absolute, temp)) {
        writeNew(absolute, content);
      }
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // some systems (Windows) refuse to open or force a directory; the file itself is on disk
      // and the rename is as durable as the file system makes it there
    }
  }

  /**
   * Hard-links {@code temp} at {@code target}; false where the file system has no hard links.
   *
   * @throws FileAlreadyExistsException when anything is at {@code target}
   */
  private static boolean link(Path target, Path temp) throws IOException {
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      return false;
    }
  }

  /** Writes {@code content} as a new file at {@code target}, refusing an existing one. */
  private static void writeNew(Path target, byte[] content) throws IOException {
    try (FileChannel out = openNew(target)) {
      writeAll(out, content);
      out.force(true);
    }
  }

  private static FileChannel openNew(Path target) throws IOException {
    Set<StandardOpenOption> options = EnumSet.of(
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      return FileChannel.open(target, options, OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(target, options);
    }
  }

  private static void writeAll(FileChannel out, byte[] content) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(content);
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  /** The test seam of {@link #beforeInstall}. */
  interface BeforeInstall {
    void run(Path target) throws IOException;
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
