package dev.orchestrator.mission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A strict view of one YAML mapping: unknown keys are reported when the view is made (naming the
 * allowed keys and the near one), and each typed getter reports a value of the wrong YAML type.
 */
final class Fields {
  private final YamlNode.Mapping mapping;
  private final String context;
  private final Problems problems;

  /**
   * @param context how messages name this mapping, e.g. {@code step 2}; empty for the mission
   */
  Fields(YamlNode.Mapping mapping, String context, List<String> allowed, Problems problems) {
    this.mapping = mapping;
    this.context = context;
    this.problems = problems;
    for (YamlNode.Entry e : mapping.entries()) {
      if (!allowed.contains(e.key())) {
        problems.atKey(
            e,
            "unknown key "
                + Words.quote(e.key())
                + (context.isEmpty() ? "" : " in " + context)
                + Words.thenSuggest(e.key(), allowed)
                + " allowed keys: "
                + String.join(", ", allowed));
      }
    }
  }

  YamlNode.Mapping mapping() {
    return mapping;
  }

  /** How a message names {@code key} here: {@code "tool"} or {@code step 2 "tool"}. */
  String label(String key) {
    return (context.isEmpty() ? "" : context + " ") + "\"" + key + "\"";
  }

  Optional<YamlNode.Entry> entry(String key) {
    return mapping.get(key);
  }

  boolean has(String key) {
    return mapping.get(key).isPresent();
  }

  /** Reports {@code key} as missing, at the start of this mapping. */
  void missing(String key) {
    problems.at(
        mapping,
        "missing required key \"" + key + "\"" + (context.isEmpty() ? "" : " in " + context));
  }

  Optional<Located<String>> text(String key) {
    return entry(key).flatMap(e -> Values.text(e.value(), label(key), problems));
  }

  Optional<Located<Boolean>> bool(String key) {
    return entry(key).flatMap(e -> Values.bool(e.value(), label(key), problems));
  }

  Optional<Located<Long>> integer(String key) {
    return entry(key).flatMap(e -> Values.integer(e.value(), label(key), problems));
  }

  Optional<Located<BigDecimal>> number(String key) {
    return entry(key).flatMap(e -> Values.number(e.value(), label(key), problems));
  }

  /** The mapping under {@code key}, positioned at the key. */
  Optional<YamlNode.Mapping> mappingAt(String key) {
    return entry(key).flatMap(e -> Values.mapping(e.value(), label(key), problems));
  }

  Optional<YamlNode.Sequence> sequence(String key) {
    return entry(key).flatMap(e -> Values.sequence(e.value(), label(key), problems));
  }

  /** The key's own position, for errors about the key being there at all. */
  Optional<Located<String>> keyOf(String key) {
    return entry(key).map(e -> new Located<>(e.key(), e.line(), e.column()));
  }
}
