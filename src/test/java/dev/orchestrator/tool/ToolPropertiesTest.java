package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the validator and the text helpers over arbitrary input. */
class ToolPropertiesTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> KEYS =
      List.of(
          "number",
          "body",
          "labels",
          "label",
          "since",
          "limit",
          "query",
          "path",
          "ref",
          "title",
          "name",
          "head_sha",
          "summary",
          "reason",
          "assignees",
          "lookback_hours",
          "owner",
          "repo");

  @Property(edgeCases = EdgeCasesMode.NONE)
  void theValidatorNeverThrowsAndAlwaysNamesTheTool(
      @ForAll("tools") String name, @ForAll("arguments") JsonNode arguments) {
    ArgumentCheck check = TOOLS.get(name).validate(arguments);
    if (check.valid()) {
      assertThat(check.arguments().isObject()).isTrue();
      assertThat(TOOLS.get(name).validate(check.arguments()).valid()).isTrue();
    } else {
      assertThat(check.problems()).isNotEmpty();
      assertThat(check.message()).startsWith("tool \"" + name + "\": ");
    }
  }

  @Property
  void neutralisingIsIdempotentAndOnlyAddsJoiners(@ForAll("texts") String text) {
    String once = Mentions.neutralise(text);
    assertThat(Mentions.neutralise(once)).isEqualTo(once);
    assertThat(once.replace("\u200D", "")).isEqualTo(text.replace("\u200D", ""));
  }

  @Property
  void secretPathsNeverThrow(@ForAll String path) {
    SecretPaths.isSecretLooking(path);
  }

  @Provide
  Arbitrary<String> tools() {
    return Arbitraries.of(List.copyOf(TOOLS.names()));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("@ab1-_./`~\n +é").withChars('\u200D').ofMaxLength(40);
  }

  @Provide
  Arbitrary<JsonNode> arguments() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, objects(2)), net.jqwik.api.Tuple.of(1, json(2)));
  }

  private Arbitrary<JsonNode> objects(int depth) {
    Arbitrary<String> keys =
        Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(6));
    return Arbitraries.maps(keys, json(depth))
        .ofMaxSize(5)
        .map(
            (Map<String, JsonNode> map) -> {
              ObjectNode object = JSON.objectNode();
              map.forEach(object::set);
              return object;
            });
  }

  private Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12).map(JSON::textNode),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22).map(JSON::textNode),
            Arbitraries.integers().map(JSON::numberNode),
            Arbitraries.longs().map(JSON::numberNode),
            Arbitraries.doubles().map(JSON::numberNode),
            Arbitraries.bigIntegers()
                .between(
                    java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                .map(JSON::numberNode),
            Arbitraries.of(true, false).map(JSON::booleanNode),
            Arbitraries.just(JSON.nullNode()),
            Arbitraries.of("2024-05-01", "2024-02-30T25:00:00Z", SHA, "completed", "bug")
                .map(JSON::textNode));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<JsonNode> arrays =
        json(depth - 1)
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode array = JSON.arrayNode();
                  items.forEach(array::add);
                  return array;
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaves),
        net.jqwik.api.Tuple.of(1, arrays),
        net.jqwik.api.Tuple.of(1, objects(depth - 1)));
  }

  private static final String SHA = "a10867b14bb761a232cd80139fbd4c0d33264240";
}
