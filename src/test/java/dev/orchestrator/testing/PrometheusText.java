package dev.orchestrator.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, for tests: every line must be a
 * comment, a {@code HELP}/{@code TYPE} line or a well-formed sample of a family whose {@code TYPE}
 * came first; histograms must have cumulative buckets ending in {@code +Inf} equal to their count.
 * Anything else fails with the line it could not read.
 */
public final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

  /** One sample: its name, labels (sorted) and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, String> types;
  private final List<Sample> samples;

  private PrometheusText(Map<String, String> types, List<Sample> samples) {
    this.types = types;
    this.samples = samples;
  }

  /** Parses {@code text}; throws {@link AssertionError} naming the first bad line. */
  public static PrometheusText parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      Matcher t = TYPE.matcher(line);
      if (t.matches()) {
        if (types.put(t.group(1), t.group(2)) != null) {
          fail(i, line, "a second TYPE for the family");
        }
        continue;
      }
      if (line.startsWith("#")) {
        if (line.startsWith("# HELP") && !HELP.matcher(line).matches()) {
          fail(i, line, "a malformed HELP line");
        }
        continue;
      }
      Matcher s = SAMPLE.matcher(line);
      if (!s.matches()) {
        fail(i, line, "not a sample");
      }
      String name = s.group(1);
      if (family(name, types) == null) {
        fail(i, line, "a sample of no declared family");
      }
      samples.add(new Sample(name, labels(i, line, s.group(3)), value(i, line, s.group(4))));
    }
    PrometheusText parsed = new PrometheusText(types, samples);
    parsed.checkHistograms();
    return parsed;
  }

  /** The declared type of a family, e.g. {@code counter}; null when undeclared. */
  public String type(String family) {
    return types.get(family);
  }

  public List<Sample> samples() {
    return List.copyOf(samples);
  }

  /**
   * The value of the sample {@code name} with exactly these labels ({@code key, value, …}); 0 when
   * absent, as a counter that has not moved yet.
   */
  public double value(String name, String... labels) {
    Map<String, String> want = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      want.put(labels[i], labels[i + 1]);
    }
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().equals(want))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElse(0);
  }

  /** True when a sample named {@code name} exists, whatever its labels. */
  public boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  private static String family(String sample, Map<String, String> types) {
    if (types.containsKey(sample)) {
      return sample;
    }
    for (String suffix : List.of("_total", "_bucket", "_count", "_sum", "_created")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return null;
  }

  private static Map<String, String> labels(int i, String line, String raw) {
    Map<String, String> out = new TreeMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    Matcher m = LABEL.matcher(raw);
    int at = 0;
    while (at < raw.length()) {
      if (!m.find(at) || m.start() != at) {
        fail(i, line, "malformed labels");
      }
      if (out.put(m.group(1), unescape(m.group(2))) != null) {
        fail(i, line, "a repeated label");
      }
      at = m.end();
    }
    return out;
  }

  private static String unescape(String v) {
    return v.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static double value(int i, String line, String raw) {
    switch (raw) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          fail(i, line, "a value that is not a number");
          return 0;
        }
    }
  }

  /** Buckets are cumulative, end in +Inf, and the +Inf bucket equals the count. */
  private void checkHistograms() {
    for (Map.Entry<String, String> family : types.entrySet()) {
      if (!family.getValue().equals("histogram")) {
        continue;
      }
      Map<Map<String, String>, List<Sample>> series = new HashMap<>();
      for (Sample s : samples) {
        if (s.name().equals(family.getKey() + "_bucket")) {
          Map<String, String> rest = new TreeMap<>(s.labels());
          if (rest.remove("le") == null) {
            throw new AssertionError("bucket without le: " + s);
          }
          series.computeIfAbsent(rest, k -> new ArrayList<>()).add(s);
        }
      }
      series.forEach(
          (labels, buckets) -> {
            double last = 0;
            for (Sample b : buckets) {
              if (b.value() < last) {
                throw new AssertionError("buckets are not cumulative: " + buckets);
              }
              last = b.value();
            }
            Sample inf = buckets.get(buckets.size() - 1);
            if (!inf.labels().get("le").equals("+Inf")) {
              throw new AssertionError("the last bucket is not +Inf: " + buckets);
            }
            double count =
                samples.stream()
                    .filter(
                        s ->
                            s.name().equals(family.getKey() + "_count")
                                && s.labels().equals(labels))
                    .mapToDouble(Sample::value)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no count for " + labels));
            if (count != inf.value()) {
              throw new AssertionError("+Inf bucket " + inf.value() + " != count " + count);
            }
          });
    }
  }

  private static void fail(int i, String line, String what) {
    throw new AssertionError("line " + (i + 1) + " is " + what + ": " + line);
  }
}
