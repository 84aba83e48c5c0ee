package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Structured but wrong missions: a valid mission with random edits to its tree (a key dropped,
 * renamed or added, a value of the wrong type, an out-of-range number) or to its text (a line
 * dropped, doubled, re-indented or cut). Whatever comes out, loading gives a mission or problems
 * that point inside the file, never an exception.
 */
class MissionLoaderFuzzTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  // every key a mission may have, and one it may not (its error path)
  private static final List<String> KEYS =
      java.util.stream.Stream.concat(
              RawReader.MISSION_KEYS.stream(), java.util.stream.Stream.of("dry_run"))
          .toList();
  private static final List<String> NOISE = List.of("\t", ": x", " #", " &a", " *a", " [", " {");

  @Example
  void theUneditedMissionLoads() throws Exception {
    String text = YAML.writeValueAsString(valid());
    assertThat(load(text)).isInstanceOf(LoadResult.Loaded.class);
  }

  @Property
  void editedTreesGiveAMissionOrProblemsInsideTheFile(@ForAll("treeEdits") List<Edit> edits)
      throws Exception {
    Map<String, Object> mission = valid();
    for (Edit e : edits) {
      e.apply(mission);
    }
    check(YAML.writeValueAsString(mission));
  }

  @Property
  void editedLinesGiveAMissionOrProblemsInsideTheFile(
      @ForAll("lineEdits") List<int[]> edits, @ForAll("treeEdits") List<Edit> treeEdits)
      throws Exception {
    Map<String, Object> mission = valid();
    for (Edit e : treeEdits.subList(0, Math.min(1, treeEdits.size()))) {
      e.apply(mission);
    }
    List<String> lines = new ArrayList<>(List.of(YAML.writeValueAsString(mission).split("\n")));
    for (int[] e : edits) {
      if (lines.isEmpty()) {
        break;
      }
      int at = e[1] % lines.size();
      switch (e[0]) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> lines.set(at, " ".repeat(e[2] % 5) + lines.get(at).stripLeading());
        case 3 -> lines.set(at, lines.get(at).substring(0, e[2] % (lines.get(at).length() + 1)));
        default -> lines.set(at, lines.get(at) + NOISE.get(e[2] % NOISE.size()));
      }
    }
    check(String.join("\n", lines) + "\n");
  }

  private static void check(String text) {
    LoadResult result = load(text);
    int lines = text.split("\n", -1).length;
    assertThat(result.isValid()).isEqualTo(result.problems().isEmpty());
    for (Problem p : result.problems()) {
      assertThat(p.file()).isEqualTo("m.yml");
      assertThat(p.line()).as(p.render()).isBetween(1, lines + 1);
      assertThat(p.column()).as(p.render()).isPositive();
      assertThat(p.message()).isNotBlank();
      assertThat(p.render()).startsWith("m.yml:" + p.line() + ":" + p.column());
    }
  }

  private static LoadResult load(String text) {
    return MissionLoader.global().loadSources(List.of(new MissionSource("m.yml", text)));
  }

  /** A valid deterministic mission with every section present. */
  private static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "fuzz-target");
    m.put("description", "d");
    m.put("goal", "g");
    m.put(
        "triggers",
        new ArrayList<>(List.of(Map.of("command", "fuzzy"), Map.of("event", "issues.opened"))));
    m.put("planner", "deterministic");
    m.put("allowed_tools", new ArrayList<>(List.of("get_issue", "add_labels", "post_comment")));
    m.put("max_steps", 10);
    m.put("permission", "triage");
    m.put("priority", "normal");
    m.put("timeout", "120s");
    Map<String, Object> days = new LinkedHashMap<>();
    days.put("description", "days");
    days.put("default", 3);
    m.put("arguments", new LinkedHashMap<>(Map.of("days", days)));
    Map<String, Object> get = new LinkedHashMap<>();
    get.put("id", "issue");
    get.put("tool", "get_issue");
    get.put("args", new LinkedHashMap<>(Map.of("number", "${event.issue.number}")));
    Map<String, Object> label = new LinkedHashMap<>();
    label.put("tool", "add_labels");
    label.put(
        "args",
        new LinkedHashMap<>(
            Map.of("number", "${event.issue.number}", "labels", List.of("triage"))));
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("tool", "post_comment");
    comment.put(
        "args",
        new LinkedHashMap<>(
            Map.of("number", "${event.issue.number}", "body", "since ${days_ago(args.days)}")));
    m.put("steps", new ArrayList<>(List.of(get, label, comment)));
    return m;
  }

  /** One change to the mission's tree. */
  interface Edit {
    void apply(Map<String, Object> mission);
  }

  @Provide
  Arbitrary<List<Edit>> treeEdits() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<Object> wrong =
        Arbitraries.oneOf(
            Arbitraries.of(
                (Object) 0,
                -1,
                99999999999L,
                1.5,
                true,
                "",
                "x",
                "${event}",
                "${nope.x}",
                "days_ago(3)",
                List.of(),
                List.of(1, "a"),
                Map.of(),
                Map.of("a", 1),
                Map.of("tool", "close_issue"),
                "get_issue",
                "llm",
                "admin",
                "high",
                "0s",
                "9999d"),
            Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s));
    Arbitrary<Edit> drop = key.map(k -> m -> m.remove(k));
    Arbitrary<Edit> replace = Combinators.combine(key, wrong).as((k, v) -> m -> m.put(k, v));
    Arbitrary<Edit> unknown =
        Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), wrong)
            .as((k, v) -> m -> m.put(k, v));
    Arbitrary<Edit> rename =
        Combinators.combine(key, Arbitraries.strings().alpha().ofLength(1))
            .as(
                (k, c) ->
                    m -> {
                      if (m.containsKey(k)) {
                        m.put(k + c, m.remove(k));
                      }
                    });
    Arbitrary<Edit> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of("id", "tool", "args", "for_each", "when", "zzz"),
                wrong)
            .as((i, k, v) -> m -> stepEdit(m, i, k, v));
    Arbitrary<Edit> argument =
        Combinators.combine(Arbitraries.of("description", "default", "required", "pattern"), wrong)
            .as((k, v) -> m -> argumentEdit(m, k, v));
    return Arbitraries.oneOf(drop, replace, unknown, rename, step, argument)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @SuppressWarnings("unchecked")
  private static void stepEdit(Map<String, Object> m, int i, String k, Object v) {
    if (m.get("steps") instanceof List<?> steps
        && i < steps.size()
        && steps.get(i) instanceof Map<?, ?> s) {
      ((Map<String, Object>) s).put(k, v);
    }
  }

  @SuppressWarnings("unchecked")
  private static void argumentEdit(Map<String, Object> m, String k, Object v) {
    if (m.get("arguments") instanceof Map<?, ?> args && args.get("days") instanceof Map<?, ?> d) {
      ((Map<String, Object>) d).put(k, v);
    }
  }

  /** [kind, line, amount]: drop, double, re-indent, cut or append noise to one line. */
  @Provide
  Arbitrary<List<int[]>> lineEdits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 10_000))
        .as((k, l, a) -> new int[] {k, l, a})
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }
}
