package dev.orchestrator.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges variables into the text of a {@code .env} file without losing anything else in it: a
 * variable already there has its first line replaced in place (later duplicates, which would win
 * when the file is read, are dropped), new ones are appended, and comments, blank lines and every
 * other variable stay as they were. Pure: text in, text out.
 */
public final class DotEnvMerge {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@+,=-]*");

  private DotEnvMerge() {}

  /**
   * {@code existing} (may be empty) with {@code values} set; {@code heading} precedes new lines.
   */
  public static String merge(String existing, Map<String, String> values, String heading) {
    Map<String, String> pending = new LinkedHashMap<>(values);
    List<String> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String[] lines = existing.isEmpty() ? new String[0] : existing.split("\r?\n", -1);
    int end = lines.length;
    if (end > 0 && lines[end - 1].isEmpty()) {
      end--; // the final newline, put back below
    }
    for (int i = 0; i < end; i++) {
      Matcher m = ASSIGNMENT.matcher(lines[i]);
      String key = m.find() ? m.group(1) : null;
      if (key == null || !values.containsKey(key)) {
        out.add(lines[i]);
      } else if (!seen.contains(key)) {
        seen.add(key);
        out.add(line(key, values.get(key)));
        pending.remove(key);
      }
    }
    if (!pending.isEmpty()) {
      if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
        out.add("");
      }
      out.add("# " + heading);
      pending.forEach((k, v) -> out.add(line(k, v)));
    }
    return String.join("\n", out) + "\n";
  }

  /**
   * One {@code KEY=VALUE} line that {@code config.DotEnv} reads back as exactly {@code value}:
   * quoted when it holds anything but plain characters (its reader knows no escapes).
   */
  static String line(String key, String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a .env value cannot span lines (" + key + ")");
    }
    if (PLAIN.matcher(value).matches()) {
      return key + "=" + value;
    }
    if (value.indexOf('"') < 0) {
      return key + "=\"" + value + "\"";
    }
    if (value.indexOf('\'') < 0) {
      return key + "='" + value + "'";
    }
    throw new IllegalArgumentException(
        "a .env value cannot hold both quote characters (" + key + ")");
  }
}
