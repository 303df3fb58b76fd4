package dev.restock.core.audit.trust;

/**
 * Reads what the stores put first in a revision's canonical content: a line {@code R|id|...}
 * whose second field is the revision id, plain or length-prefixed ({@code 2:17}). A proof's
 * revision id is checked against it, so the id printed for an auditor is bound to the signed
 * leaf like everything else in the proof.
 */
final class RevisionContent {
  private RevisionContent() {}

  static boolean names(String content, long revisionId) {
    int end = content.indexOf('\n');
    String first = end < 0 ? content : content.substring(0, end);
    String[] fields = first.split("\\|", -1);
    if (fields.length < 2 || !fields[0].equals("R")) {
      return false;
    }
    String id = Long.toString(revisionId);
    return fields[1].equals(id) || fields[1].equals(id.length() + ":" + id);
  }
}
