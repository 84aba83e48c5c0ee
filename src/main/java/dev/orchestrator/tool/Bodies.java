package dev.orchestrator.tool;

/**
 * Comment and issue bodies as sent: capped below GitHub's 65,536-character limit with a note that
 * says so, and followed by the run's marker.
 */
public final class Bodies {
  /** The most characters of text a body may carry (the marker comes on top). */
  public static final int MAX_CHARS = 60_000;

  private Bodies() {}

  /**
   * {@code text} unchanged when it fits in {@link #MAX_CHARS}; otherwise its start and a note
   * saying how much was cut, {@link #MAX_CHARS} characters in all (never splitting a surrogate
   * pair).
   */
  public static String cap(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    String note =
        "\n\n… (cut here: the text had "
            + text.length()
            + " characters, more than "
            + MAX_CHARS
            + ")";
    int keep = MAX_CHARS - note.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + note;
  }

  /** {@code body}, a blank line, and the marker (an HTML comment GitHub does not render). */
  public static String withMarker(String body, String marker) {
    return body.isEmpty() ? marker : body + "\n\n" + marker;
  }
}
