package dev.orchestrator.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Levenshtein distance and "did you mean" candidates. */
final class EditDistance {
  static final int MAX_SUGGESTION_DISTANCE = 2;

  private EditDistance() {}

  static int between(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The candidates nearest to {@code word} within the maximum distance, nearest first. */
  static List<String> nearest(String word, Collection<String> candidates) {
    int best = MAX_SUGGESTION_DISTANCE + 1;
    List<String> out = new ArrayList<>();
    if (word.length() > 64) {
      return out; // nobody mistypes 64 characters; don't spend time on it
    }
    for (String c : candidates) {
      int d = between(word, c);
      if (d == 0) {
        continue;
      }
      if (d < best) {
        best = d;
        out.clear();
      }
      if (d == best) {
        out.add(c);
      }
    }
    return out;
  }
}
