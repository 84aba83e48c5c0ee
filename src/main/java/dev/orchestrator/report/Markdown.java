package dev.orchestrator.report;

/**
 * Markdown helpers: escaping table cells and cutting text at a safe point within GitHub's limits.
 */
public final class Markdown {
  /** GitHub's limit on a comment body. */
  public static final int COMMENT_LIMIT = 65_536;

  /** GitHub's limit on a check run's {@code output.summary} and {@code output.text}. */
  public static final int CHECK_RUN_TEXT_LIMIT = 65_535;

  private Markdown() {}

  /** Text safe inside a table cell: pipes escaped, newlines folded. */
  public static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }

  /**
   * {@code text} if it fits in {@code limit} characters; otherwise cut at the last line break that
   * leaves room for a note, closing an open code fence and open {@code <details>} folds, never in
   * the middle of a surrogate pair, with the note saying so.
   */
  public static String fit(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    String note = "\n\n_… cut here: the full text is longer than GitHub allows._";
    int room = limit - note.length() - 32; // room for a closing fence and </details>
    int cut = text.lastIndexOf('\n', room);
    if (cut < room / 2) {
      cut = room;
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--; // never half an emoji
    }
    String head = text.substring(0, cut);
    long fences = head.lines().filter(l -> l.stripLeading().startsWith("```")).count();
    if (fences % 2 == 1) {
      head = head + "\n```";
    }
    // a cut inside <details> would swallow the note (and all that follows) into the fold
    int open = count(head, "<details>") - count(head, "</details>");
    return head + "\n\n</details>".repeat(Math.max(0, open)) + note;
  }

  private static int count(String text, String tag) {
    int n = 0;
    for (int i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + tag.length())) {
      n++;
    }
    return n;
  }
}
