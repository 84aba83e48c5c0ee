package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.util.Map;

/** Prints rows per table as an aligned two-column list under a heading. */
final class RowCounts {
  private RowCounts() {}

  static void print(PrintWriter out, String heading, Map<String, Long> counts) {
    out.println(heading);
    int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
    int digits = counts.values().stream().mapToInt(n -> Long.toString(n).length()).max().orElse(1);
    counts.forEach(
        (table, n) ->
            out.println(
                "  "
                    + table
                    + " ".repeat(width - table.length() + 2)
                    + " ".repeat(digits - Long.toString(n).length())
                    + n));
  }
}
