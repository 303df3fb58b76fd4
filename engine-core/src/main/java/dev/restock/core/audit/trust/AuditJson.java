package dev.restock.core.audit.trust;

import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file formats of checkpoints and proofs: one checkpoint per line in anchor files, and
 * inclusion and consistency proofs as canonical, indented JSON. A proof file is accepted only in
 * exactly the form this class writes it, so no byte of it can change unnoticed, not even
 * white space.
 */
public final class AuditJson {
  public static final String INCLUSION_FORMAT = "restock-inclusion-proof/v1";
  public static final String CONSISTENCY_FORMAT = "restock-consistency-proof/v1";

  private AuditJson() {}

  /** One checkpoint as a single line of JSON, without the line break. */
  public static String checkpointLine(Checkpoint c) {
    StringBuilder out = new StringBuilder();
    JsonText.write(fields(c), out, -1, 0);
    return out.toString();
  }

  /** Parses what {@link #checkpointLine} wrote. */
  public static Checkpoint checkpoint(String json) {
    return checkpoint(JsonText.object(JsonText.parse(json), "checkpoint"));
  }

  /**
   * Every checkpoint of an anchor file (JSON lines; blank lines ignored).
   *
   * @throws ValidationException naming {@code field} with every bad line, or when the file
   *     cannot be read
   */
  public static List<Checkpoint> readCheckpoints(Path file, String field) {
    List<Checkpoint> out = new ArrayList<>();
    List<Violation> problems = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(checkpoint(line));
        } catch (IllegalArgumentException e) {
          problems.add(new Violation(field, file + " line " + number + ": " + e.getMessage()));
        }
      }
    } catch (NoSuchFileException e) {
      throw ValidationException.of(field, "no such file: " + file);
    } catch (IOException e) {
      throw ValidationException.of(field, "cannot read " + file + ": " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return out;
  }

  /** The proof as the canonical text of a proof file. */
  public static String inclusionProof(InclusionProof p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", INCLUSION_FORMAT);
    m.put("revisionId", p.revisionId());
    m.put("seq", p.seq());
    m.put("content", p.content());
    m.put("treeSize", p.treeSize());
    m.put("auditPath", p.auditPath());
    m.put("checkpoint", fields(p.checkpoint()));
    return canonical(m);
  }

  /**
   * Reads a proof file's text.
   *
   * @throws IllegalArgumentException saying why when it is not a proof in canonical form
   */
  public static InclusionProof inclusionProof(String text) {
    Map<String, Object> m = JsonText.object(JsonText.parse(text), "proof");
    requireFormat(m, INCLUSION_FORMAT);
    InclusionProof proof = new InclusionProof(number(m, "revisionId"), number(m, "seq"),
        string(m, "content", false), number(m, "treeSize"), strings(m, "auditPath"),
        checkpoint(JsonText.object(m.get("checkpoint"), "checkpoint")));
    requireCanonical(text, inclusionProof(proof));
    return proof;
  }

  /** The consistency proof as the canonical text of a proof file. */
  public static String consistencyProof(ConsistencyProof p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", CONSISTENCY_FORMAT);
    m.put("older", fields(p.older()));
    m.put("newer", fields(p.newer()));
    m.put("path", p.path());
    return canonical(m);
  }

  /** Reads a consistency proof file's text; see {@link #inclusionProof(String)}. */
  public static ConsistencyProof consistencyProof(String text) {
    Map<String, Object> m = JsonText.object(JsonText.parse(text), "proof");
    requireFormat(m, CONSISTENCY_FORMAT);
    ConsistencyProof proof = new ConsistencyProof(
        checkpoint(JsonText.object(m.get("older"), "older")),
        checkpoint(JsonText.object(m.get("newer"), "newer")), strings(m, "path"));
    requireCanonical(text, consistencyProof(proof));
    return proof;
  }

  private static String canonical(Map<String, Object> m) {
    StringBuilder out = new StringBuilder();
    JsonText.write(m, out, 2, 0);
    return out.append('\n').toString();
  }

  private static void requireFormat(Map<String, Object> m, String format) {
    Object actual = m.get("format");
    if (!format.equals(actual)) {
      throw new IllegalArgumentException("not a " + format + " file (format: " + actual + ")");
    }
  }

  private static void requireCanonical(String text, String canonical) {
    if (!text.equals(canonical)) {
      int i = 0;
      while (i < text.length() && i < canonical.length() && text.charAt(i) == canonical.charAt(i)) {
        i++;
      }
      throw new IllegalArgumentException("the file differs from the proof's canonical form at "
          + "character " + i + " (it was edited after it was written)");
    }
  }

  private static Map<String, Object> fields(Checkpoint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("genesis", c.genesis());
    m.put("size", c.size());
    m.put("rootHash", c.rootHash());
    m.put("chainHash", c.chainHash());
    m.put("time", c.time().toString());
    m.put("keyId", c.keyId());
    m.put("signature", c.signature());
    return m;
  }

  private static Checkpoint checkpoint(Map<String, Object> m) {
    List<String> known = List.of("genesis", "size", "rootHash", "chainHash", "time", "keyId",
        "signature");
    for (String key : m.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown checkpoint field '" + key + "'");
      }
    }
    Instant time;
    try {
      time = Instant.parse(string(m, "time", false));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time: not an ISO-8601 instant");
    }
    long size = number(m, "size");
    if (size < 0) {
      throw new IllegalArgumentException("size: must be >= 0");
    }
    return new Checkpoint(string(m, "genesis", false), size, string(m, "rootHash", false),
        string(m, "chainHash", false), time, string(m, "keyId", true),
        string(m, "signature", true));
  }

  private static String string(Map<String, Object> m, String key, boolean nullable) {
    Object v = m.get(key);
    if (v == null && nullable && m.containsKey(key)) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException(key + ": a string is required");
    }
    return s;
  }

  private static long number(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof Long n)) {
      throw new IllegalArgumentException(key + ": a whole number is required");
    }
    return n;
  }

  private static List<String> strings(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof List<?> list)) {
      throw new IllegalArgumentException(key + ": a list is required");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw new IllegalArgumentException(key + ": strings only");
      }
      out.add(s);
    }
    return out;
  }
}
