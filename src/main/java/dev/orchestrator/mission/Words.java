package dev.orchestrator.mission;

import java.util.Collection;
import java.util.Optional;

/** Small helpers for messages: quoting found values and "did you mean" suggestions. */
final class Words {
  private static final int MAX_QUOTED = 60; // characters of a found value shown in a message
  static final int NEAR = 2; // the largest edit distance that still earns a suggestion

  private Words() {}

  /** The text in double quotes, shortened and on one line. */
  static String quote(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    if (oneLine.length() > MAX_QUOTED) {
      oneLine = oneLine.substring(0, MAX_QUOTED - 3) + "...";
    }
    return "\"" + oneLine + "\"";
  }

  /** The candidate closest to {@code word} within {@link #NEAR} edits, if any. */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = NEAR + 1;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code "; did you mean \"x\"?"} when a candidate is near, else empty text. */
  static String didYouMean(String word, Collection<String> candidates) {
    return nearest(word, candidates).map(c -> "; did you mean \"" + c + "\"?").orElse("");
  }

  /** Like {@link #didYouMean} but always ends a clause: the suggestion, or a bare {@code ;}. */
  static String thenSuggest(String word, Collection<String> candidates) {
    String s = didYouMean(word, candidates);
    return s.isEmpty() ? ";" : s;
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
