package dev.restock.core.audit.trust;

/**
 * Reads the revision id from the first line of a revision's canonical content, where the stores
 * put the revision's own fields: the JPA store's {@code R|2:17|...} (length-prefixed columns, id
 * first) or the in-memory store's {@code R RevisionInfo[number=17, ...]}. A proof's revision id
 * is checked against it, so the id shown to an auditor is bound to the signed leaf like
 * everything else in the proof.
 */
final class RevisionContent {
  private RevisionContent() {}

  static boolean names(String content, long revisionId) {
    int end = content.indexOf('\n');
    String first = end < 0 ? content : content.substring(0, end);
    String id = Long.toString(revisionId);
    if (first.startsWith("R ")) {
      int at = first.indexOf("[number=");
      return at >= 0 && (first.startsWith("[number=" + id + ",", at)
          || first.startsWith("[number=" + id + "]", at));
    }
    String[] fields = first.split("\\|", -1);
    if (fields.length < 2 || !fields[0].equals("R")) {
      return false;
    }
    return fields[1].equals(id) || fields[1].equals(id.length() + ":" + id);
  }
}
