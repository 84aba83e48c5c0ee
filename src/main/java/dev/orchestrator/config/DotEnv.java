package dev.orchestrator.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, optional single or
 * double quotes, an optional leading {@code export}, no multi-line values. Pure: text in, values
 * and problems out.
 */
public final class DotEnv {
  private DotEnv() {}

  /** The parsed variables and the problems found, each naming its line. */
  public record Parsed(Map<String, String> values, List<String> problems) {}

  /** Parses {@code text}; {@code source} names the file in problems. */
  public static Parsed parse(String text, String source) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String where = source + ":" + (i + 1);
      if (eq <= 0) {
        problems.add(where + ": expected KEY=VALUE, found \"" + abbreviate(line) + "\"");
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        problems.add(where + ": \"" + abbreviate(key) + "\" is not a valid variable name");
        continue;
      }
      String raw = line.substring(eq + 1).strip();
      String value = unquote(raw);
      if (value == null) {
        problems.add(where + ": unterminated quote in the value of " + key);
        continue;
      }
      values.put(key, value);
    }
    return new Parsed(values, problems);
  }

  private static String unquote(String raw) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char q = raw.charAt(0);
      int end = raw.indexOf(q, 1);
      if (end < 0) {
        return null;
      }
      return raw.substring(1, end);
    }
    int hash = raw.indexOf(" #");
    return (hash >= 0 ? raw.substring(0, hash) : raw).strip();
  }

  // Values may be secrets: never echo more than the first few characters of a malformed line.
  private static String abbreviate(String s) {
    int eq = s.indexOf('=');
    String shown = eq >= 0 ? s.substring(0, eq) + "=…" : s;
    return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
  }
}
