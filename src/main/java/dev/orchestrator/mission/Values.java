package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/** Typed reads of single YAML values; a value of the wrong type is reported and skipped. */
final class Values {
  private Values() {}

  static Optional<Located<String>> text(YamlNode node, String label, Problems problems) {
    if (node instanceof YamlNode.Scalar s && s.value().isTextual()) {
      return Optional.of(new Located<>(s.value().textValue(), s.line(), s.column()));
    }
    return wrong(node, label, "text", problems);
  }

  static Optional<Located<Boolean>> bool(YamlNode node, String label, Problems problems) {
    if (node instanceof YamlNode.Scalar s && s.value().isBoolean()) {
      return Optional.of(new Located<>(s.value().booleanValue(), s.line(), s.column()));
    }
    return wrong(node, label, "true or false", problems);
  }

  static Optional<Located<Long>> integer(YamlNode node, String label, Problems problems) {
    if (node instanceof YamlNode.Scalar s && s.value().isIntegralNumber()) {
      if (s.value().canConvertToLong()) {
        return Optional.of(new Located<>(s.value().longValue(), s.line(), s.column()));
      }
      problems.at(node, label + ": " + s.value().asText() + " is too large");
      return Optional.empty();
    }
    return wrong(node, label, "a whole number", problems);
  }

  static Optional<Located<BigDecimal>> number(YamlNode node, String label, Problems problems) {
    if (node instanceof YamlNode.Scalar s && s.value().isNumber()) {
      JsonNode v = s.value();
      BigDecimal d = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : v.decimalValue();
      return Optional.of(new Located<>(d, s.line(), s.column()));
    }
    return wrong(node, label, "a number", problems);
  }

  static Optional<YamlNode.Mapping> mapping(YamlNode node, String label, Problems problems) {
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(m);
    }
    return wrong(node, label, "a mapping of keys", problems);
  }

  static Optional<YamlNode.Sequence> sequence(YamlNode node, String label, Problems problems) {
    if (node instanceof YamlNode.Sequence s) {
      return Optional.of(s);
    }
    return wrong(node, label, "a list", problems);
  }

  private static <T> Optional<T> wrong(
      YamlNode node, String label, String expected, Problems problems) {
    problems.at(node, label + ": expected " + expected + ", found " + node.describe());
    return Optional.empty();
  }
}
