package dev.orchestrator.tool;

/**
 * Makes {@code @user} and {@code @org/team} harmless before a tool posts text, so that text from a
 * model or a payload cannot notify people: a zero-width joiner (U+200D) goes right after the
 * {@code @}, which reads the same but is no longer a mention.
 *
 * <p>An {@code @} counts as a mention when it is followed by a letter or digit and not preceded by
 * a letter, digit, {@code _}, {@code .}, {@code +}, {@code -} or {@code /}: so e-mail addresses
 * ({@code a@b.com}) and URLs ({@code https://medium.com/@user}) stay as they are. Inline code spans
 * and fenced code blocks are left alone too: GitHub does not notify from code. Neutralising twice
 * changes nothing more.
 */
public final class Mentions {
  /** The zero-width joiner put after a mention's {@code @}. */
  public static final char ZERO_WIDTH_JOINER = '\u200D';

  private Mentions() {}

  /** {@code text} with every mention neutralised. */
  public static String neutralise(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    String fence = null; // the opening fence while inside a fenced code block
    int lineStart = 0;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline + 1;
      String line = text.substring(lineStart, lineEnd);
      String marker = fenceMarker(line);
      if (fence != null) {
        out.append(line);
        if (marker != null
            && marker.charAt(0) == fence.charAt(0)
            && marker.length() >= fence.length()
            && line.strip().length() == marker.length()) {
          fence = null;
        }
      } else if (marker != null) {
        out.append(line);
        fence = marker;
      } else {
        neutraliseInline(line, out);
      }
      lineStart = lineEnd;
    }
    return out.toString();
  }

  /** The run of ``` or ~~~ (three or more) opening {@code line}, or null. */
  private static String fenceMarker(String line) {
    int i = 0;
    while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
      i++;
    }
    if (i >= line.length() || (line.charAt(i) != '`' && line.charAt(i) != '~')) {
      return null;
    }
    char c = line.charAt(i);
    int j = i;
    while (j < line.length() && line.charAt(j) == c) {
      j++;
    }
    return j - i >= 3 ? line.substring(i, j) : null;
  }

  private static void neutraliseInline(String line, StringBuilder out) {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`') {
        int run = runLength(line, i, '`');
        int close = closingRun(line, i + run, run);
        if (close >= 0) {
          out.append(line, i, close + run); // a code span: copied as is
          i = close + run;
        } else {
          out.append(line, i, i + run);
          i += run;
        }
        continue;
      }
      out.append(c);
      if (c == '@' && isMention(line, i)) {
        out.append(ZERO_WIDTH_JOINER);
      }
      i++;
    }
  }

  private static boolean isMention(String line, int at) {
    if (at + 1 >= line.length() || !isAsciiAlnum(line.charAt(at + 1))) {
      return false;
    }
    if (at == 0) {
      return true;
    }
    char before = line.charAt(at - 1);
    return !(Character.isLetterOrDigit(before) || "_.+-/".indexOf(before) >= 0);
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static int runLength(String s, int from, char c) {
    int j = from;
    while (j < s.length() && s.charAt(j) == c) {
      j++;
    }
    return j - from;
  }

  /** Where a run of exactly {@code length} backticks starts at or after {@code from}, or -1. */
  private static int closingRun(String s, int from, int length) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == '`') {
        int run = runLength(s, i, '`');
        if (run == length) {
          return i;
        }
        i += run;
      } else {
        i++;
      }
    }
    return -1;
  }
}
