package dev.orchestrator.command;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words; {@code key="value with spaces"} stays one word, unquoted. */
final class Tokenizer {
  private Tokenizer() {}

  /** The words, or null when a quote is not closed. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"' || ch == '\'' && cur.indexOf("=") >= 0 && endsWithEquals(cur)) {
        quote = ch;
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(ch);
        inWord = true;
      }
    }
    if (quote != 0) {
      return null;
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }

  // A single quote opens a quoted value only right after "key=", so "don't" stays a word.
  private static boolean endsWithEquals(StringBuilder sb) {
    return sb.length() > 0 && sb.charAt(sb.length() - 1) == '=';
  }
}
