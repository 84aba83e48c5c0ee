package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a YAML tree into a {@link RawMission}: known keys, right YAML types, positions kept. */
final class RawReader {
  static final List<String> MISSION_KEYS =
      List.of(
          "name",
          "description",
          "goal",
          "triggers",
          "planner",
          "allowed_tools",
          "max_steps",
          "requires_approval",
          "permission",
          "priority",
          "timeout",
          "budget",
          "arguments",
          "steps",
          "report",
          "allow_self_approval",
          "approval_timeout");
  static final List<String> STEP_KEYS = List.of("id", "tool", "args", "for_each");
  static final List<String> BUDGET_KEYS = List.of("tokens", "usd");
  static final List<String> ARGUMENT_KEYS = List.of("description", "default");

  /** The keys that say what kind a trigger is; a trigger has exactly one. */
  static final List<String> TRIGGER_KINDS = List.of("event", "command", "schedule");

  static final List<String> SCHEDULE_KEYS = List.of("schedule", "timezone", "repositories");

  /** Payload conditions an event trigger may carry besides {@code event}. */
  static final List<String> CONDITIONS = List.of("label");

  private final Problems problems;

  private RawReader(Problems problems) {
    this.problems = problems;
  }

  /** The raw mission, or empty when the document is not a mapping at all. */
  static Optional<RawMission> read(YamlNode root, Problems problems) {
    if (!(root instanceof YamlNode.Mapping mapping)) {
      problems.at(
          root,
          "expected a mission: a mapping of keys such as name, goal, planner; found "
              + root.describe());
      return Optional.empty();
    }
    return Optional.of(new RawReader(problems).mission(mapping));
  }

  private RawMission mission(YamlNode.Mapping root) {
    Fields f = new Fields(root, "", MISSION_KEYS, problems);
    for (String key : List.of("name", "planner", "allowed_tools")) {
      if (!f.has(key)) {
        f.missing(key);
      }
    }
    if (!f.has("goal") && !f.has("description")) {
      problems.at(root, "missing required key \"goal\" or \"description\": say what it does");
    }
    return new RawMission(
        root,
        f.text("name"),
        f.text("description"),
        f.text("goal"),
        triggers(f),
        f.text("planner"),
        f.sequence("allowed_tools").map(s -> atKey(f, "allowed_tools", texts(s, "allowed_tools"))),
        f.integer("max_steps"),
        f.bool("requires_approval"),
        f.text("permission"),
        f.text("priority"),
        f.text("timeout"),
        budget(f),
        arguments(f),
        f.sequence("steps").map(s -> atKey(f, "steps", steps(s))),
        f.text("report"),
        f.bool("allow_self_approval"),
        f.text("approval_timeout"));
  }

  private static <T> Located<T> atKey(Fields f, String key, T value) {
    YamlNode.Entry e = f.entry(key).orElseThrow();
    return new Located<>(value, e.line(), e.column());
  }

  private List<Located<String>> texts(YamlNode.Sequence s, String key) {
    List<Located<String>> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      Values.text(item, "\"" + key + "\" item", problems).ifPresent(out::add);
    }
    return out;
  }

  private List<RawMission.RawTrigger> triggers(Fields f) {
    List<RawMission.RawTrigger> out = new ArrayList<>();
    Optional<YamlNode.Sequence> list = f.sequence("triggers");
    if (list.isEmpty()) {
      return out;
    }
    int n = 0;
    for (YamlNode item : list.get().items()) {
      n++;
      String context = "trigger " + n;
      Optional<YamlNode.Mapping> m = Values.mapping(item, context, problems);
      if (m.isPresent()) {
        trigger(m.get(), context).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<RawMission.RawTrigger> trigger(YamlNode.Mapping m, String context) {
    long kinds = TRIGGER_KINDS.stream().filter(k -> m.get(k).isPresent()).count();
    if (kinds > 1) {
      problems.at(m, context + ": a trigger has one of \"event\", \"command\" or \"schedule\"");
      return Optional.empty();
    }
    if (m.get("command").isPresent()) {
      Fields f = new Fields(m, context, List.of("command"), problems);
      return f.text("command").map(RawMission.RawCommand::new);
    }
    if (m.get("schedule").isPresent()) {
      Fields f = new Fields(m, context, SCHEDULE_KEYS, problems);
      return f.text("schedule")
          .map(
              s ->
                  new RawMission.RawSchedule(
                      s,
                      f.text("timezone"),
                      f.sequence("repositories")
                          .map(r -> atKey(f, "repositories", texts(r, "repositories"))),
                      m.line(),
                      m.column()));
    }
    if (m.get("event").isPresent()) {
      List<String> allowed = new ArrayList<>(List.of("event"));
      allowed.addAll(CONDITIONS);
      Fields f = new Fields(m, context, allowed, problems);
      Map<String, Located<String>> conditions = new LinkedHashMap<>();
      for (String c : CONDITIONS) {
        f.text(c).ifPresent(v -> conditions.put(c, v));
      }
      return f.text("event").map(e -> new RawMission.RawEvent(e, conditions));
    }
    problems.at(
        m,
        context
            + ": expected \"event: <event>.<action>\", \"command: <name>\" or \"schedule: <cron>\""
            + " in a trigger");
    return Optional.empty();
  }

  private Optional<RawMission.RawBudget> budget(Fields f) {
    return f.mappingAt("budget")
        .map(
            m -> {
              Fields b = new Fields(m, "budget", BUDGET_KEYS, problems);
              YamlNode.Entry key = f.entry("budget").orElseThrow();
              return new RawMission.RawBudget(
                  b.integer("tokens"), b.number("usd"), key.line(), key.column());
            });
  }

  private List<RawMission.RawArgument> arguments(Fields f) {
    List<RawMission.RawArgument> out = new ArrayList<>();
    Optional<YamlNode.Mapping> args = f.mappingAt("arguments");
    if (args.isEmpty()) {
      return out;
    }
    for (YamlNode.Entry e : args.get().entries()) {
      String context = "argument \"" + e.key() + "\"";
      Located<String> name = new Located<>(e.key(), e.line(), e.column());
      Optional<YamlNode.Mapping> spec = Values.mapping(e.value(), context, problems);
      if (spec.isEmpty()) {
        continue;
      }
      Fields a = new Fields(spec.get(), context, ARGUMENT_KEYS, problems);
      if (!a.has("description")) {
        a.missing("description"); // /agent help shows it
      }
      out.add(new RawMission.RawArgument(name, a.text("description"), defaultValue(a)));
    }
    return out;
  }

  private Optional<Located<JsonNode>> defaultValue(Fields a) {
    return a.entry("default")
        .flatMap(
            e -> {
              if (e.value() instanceof YamlNode.Scalar s && !s.value().isNull()) {
                return Optional.of(new Located<>(s.value(), s.line(), s.column()));
              }
              problems.at(
                  e.value(),
                  a.label("default")
                      + ": expected text, a number or true/false, found "
                      + e.value().describe());
              return Optional.empty();
            });
  }

  private List<RawMission.RawStep> steps(YamlNode.Sequence s) {
    List<RawMission.RawStep> out = new ArrayList<>();
    int n = 0;
    for (YamlNode item : s.items()) {
      n++;
      String context = "step " + n;
      Optional<YamlNode.Mapping> m = Values.mapping(item, context, problems);
      if (m.isEmpty()) {
        continue;
      }
      Fields f = new Fields(m.get(), context, STEP_KEYS, problems);
      if (!f.has("tool")) {
        f.missing("tool");
      }
      out.add(
          new RawMission.RawStep(
              n,
              m.get().line(),
              m.get().column(),
              f.text("id"),
              f.text("tool"),
              f.mappingAt("args"),
              f.text("for_each")));
    }
    return out;
  }
}
