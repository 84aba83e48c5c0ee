package dev.orchestrator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files under {@code src/test/resources/golden/}: a rendering that differs fails with a line
 * diff. Updating them is explicit: run the tests with {@code -Dgolden.update=true}, which rewrites
 * the files instead of comparing, then review the change in git.
 */
public final class Golden {
  public static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError(
            "no golden file \"" + file + "\": run with -Dgolden.update=true to write it");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        throw new AssertionError(
            "\""
                + file
                + "\" differs (-golden +actual; -Dgolden.update=true rewrites it):\n"
                + diff(expected.lines().toList(), actual.lines().toList()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines that differ, with their line numbers, after the common start and end. */
  static String diff(List<String> a, List<String> b) {
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    StringBuilder out = new StringBuilder("@@ line " + (start + 1) + " @@\n");
    a.subList(start, endA).forEach(l -> out.append("-").append(l).append('\n'));
    b.subList(start, endB).forEach(l -> out.append("+").append(l).append('\n'));
    if (start == endA && start == endB) {
      out.append("(only line endings or the final newline differ)\n");
    }
    return out.toString();
  }
}
