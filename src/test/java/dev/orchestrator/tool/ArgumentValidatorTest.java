package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgumentValidatorTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();
  private static final String SHA = "a10867b14bb761a232cd80139fbd4c0d33264240";
  private static final String IMPLICIT =
      " (the repository is implicit: tools act only on the run's repository)";

  /** One valid call per tool, with every argument it takes. */
  static final Map<String, String> VALID =
      Map.ofEntries(
          Map.entry("get_issue", "{\"number\": 1}"),
          Map.entry("get_pull_request", "{\"number\": 2}"),
          Map.entry("list_comments", "{\"number\": 3, \"since\": \"2024-05-01T12:00:00Z\"}"),
          Map.entry("list_pr_files", "{\"number\": 4}"),
          Map.entry("get_file", "{\"path\": \"docs/README.md\", \"ref\": \"main\"}"),
          Map.entry("search_issues", "{\"query\": \"is:open label:bug\", \"limit\": 100}"),
          Map.entry("get_health", "{\"lookback_hours\": 48}"),
          Map.entry("post_comment", "{\"number\": 12, \"body\": \"Thanks!\"}"),
          Map.entry("add_labels", "{\"number\": 12, \"labels\": [\"bug\", \"needs-triage\"]}"),
          Map.entry("remove_label", "{\"number\": 12, \"label\": \"needs-triage\"}"),
          Map.entry("assign", "{\"number\": 12, \"assignees\": [\"octocat\", \"mona-lisa\"]}"),
          Map.entry(
              "create_issue",
              "{\"title\": \"Flaky test\", \"body\": \"Seen twice.\", \"labels\": [\"ci\"]}"),
          Map.entry(
              "create_check_run",
              "{\"name\": \"agent summary\", \"head_sha\": \"" + SHA + "\", \"summary\": \"ok\"}"),
          Map.entry("close_issue", "{\"number\": 12, \"reason\": \"not_planned\"}"));

  @Test
  void everyToolHasAValidCallHere() {
    assertThat(VALID.keySet()).containsExactlyInAnyOrderElementsOf(TOOLS.names());
  }

  @ParameterizedTest
  @MethodSource("validCalls")
  void acceptsValidCalls(String tool, String arguments) {
    ArgumentCheck check = TOOLS.get(tool).validate(TestJson.parse(arguments));
    assertThat(check.problems()).isEmpty();
    assertThat(check.valid()).isTrue();
    assertThat(check.arguments()).isEqualTo(TestJson.parse(arguments));
    assertThat(check.failure()).isEmpty();
  }

  static Stream<Arguments> validCalls() {
    return Stream.of(
        Arguments.of("get_issue", "{\"number\": 2147483647}"),
        Arguments.of("list_comments", "{\"number\": 3}"),
        Arguments.of("list_comments", "{\"number\": 3, \"since\": \"2024-05-01\"}"),
        Arguments.of("list_comments", "{\"number\": 3, \"since\": \"2024-05-01T12:00:00+02:00\"}"),
        Arguments.of("list_comments", "{\"number\": 3, \"since\": \"2024-05-01T12:00:00.250Z\"}"),
        Arguments.of("get_file", "{\"path\": \"a.txt\"}"),
        Arguments.of("search_issues", "{\"query\": \"crash\"}"),
        Arguments.of("get_health", "{}"),
        Arguments.of("post_comment", "{\"number\": 1, \"body\": \"" + "x".repeat(60_000) + "\"}"),
        Arguments.of("create_issue", "{\"title\": \"t\", \"body\": \"\"}"),
        Arguments.of("close_issue", "{\"number\": 1}"),
        Arguments.of("close_issue", "{\"number\": 1, \"reason\": \"completed\"}"),
        Arguments.of(
            "assign", "{\"number\": 1, \"assignees\": [\"a\", \"a-b-c\", \"X9\", \"mona_corp\"]}"));
  }

  @Test
  void theTableOfValidCallsIsAcceptedToo() {
    VALID.forEach((tool, arguments) -> acceptsValidCalls(tool, arguments));
  }

  @ParameterizedTest
  @MethodSource("invalidCalls")
  void rejectsBadArgumentsNamingThem(String tool, String arguments, String message) {
    ArgumentCheck check = TOOLS.get(tool).validate(TestJson.parse(arguments));
    assertThat(check.valid()).isFalse();
    assertThat(check.message()).isEqualTo("tool \"" + tool + "\": " + message);
    ToolResult failure = check.failure().orElseThrow();
    assertThat(failure.failureClass()).contains(ErrorClasses.INVALID_ARGUMENTS);
    assertThat(failure.infrastructure()).isFalse();
  }

  static Stream<Arguments> invalidCalls() {
    String tooLong = "x".repeat(60_001);
    return Stream.of(
        Arguments.of(
            "post_comment",
            "{\"number\": 1, \"body\": \"" + tooLong + "\"}",
            "argument \"body\" is longer than 60000 characters"),
        Arguments.of(
            "get_issue",
            "{\"number\": \"abc\"}",
            "argument \"number\" must be an integer, found \"abc\""),
        Arguments.of(
            "get_issue",
            "{\"number\": \"12 \"}",
            "argument \"number\" must be an integer, found \"12 \""),
        Arguments.of(
            "get_issue",
            "{\"number\": 12.5}",
            "argument \"number\" must be an integer, found 12.5"),
        Arguments.of(
            "get_issue",
            "{\"number\": true}",
            "argument \"number\" must be an integer, found true"),
        Arguments.of(
            "get_issue",
            "{\"number\": null}",
            "argument \"number\" must be an integer, found null"),
        Arguments.of(
            "get_issue",
            "{\"number\": \"99999999999999999999\"}",
            "argument \"number\" must be an integer, found \"99999999999999999999\""),
        Arguments.of(
            "get_issue", "{\"number\": 0}", "argument \"number\" must be at least 1, found 0"),
        Arguments.of(
            "get_issue",
            "{\"number\": \"-3\"}",
            "argument \"number\" must be at least 1, found -3"),
        Arguments.of(
            "get_issue",
            "{\"number\": 2147483648}",
            "argument \"number\" must be at most 2147483647, found 2147483648"),
        Arguments.of("get_issue", "{}", "missing argument \"number\""),
        Arguments.of("get_issue", "[1]", "arguments must be an object, found [1]"),
        Arguments.of("get_issue", "\"12\"", "arguments must be an object, found \"12\""),
        Arguments.of(
            "get_issue",
            "{\"number\": 1, \"owner\": \"octo\"}",
            "unknown argument \"owner\"" + IMPLICIT),
        Arguments.of(
            "get_issue",
            "{\"number\": 1, \"repo\": \"hello\"}",
            "unknown argument \"repo\"" + IMPLICIT),
        Arguments.of("get_issue", "{\"number\": 1, \"numbr\": 2}", "unknown argument \"numbr\""),
        Arguments.of(
            "list_comments",
            "{\"number\": 1, \"since\": \"yesterday\"}",
            "argument \"since\" is not an ISO 8601 date or timestamp, found \"yesterday\""),
        Arguments.of(
            "list_comments",
            "{\"number\": 1, \"since\": \"2024-05-01T12:00\"}",
            "argument \"since\" is not an ISO 8601 date or timestamp, found \"2024-05-01T12:00\""),
        Arguments.of("get_file", "{}", "missing argument \"path\""),
        Arguments.of("get_file", "{\"path\": \"\"}", "argument \"path\" must not be empty"),
        Arguments.of(
            "get_file",
            "{\"path\": \"a\", \"ref\": 7}",
            "argument \"ref\" must be a string, found 7"),
        Arguments.of(
            "search_issues",
            "{\"query\": \"bug\", \"limit\": 101}",
            "argument \"limit\" must be at most 100, found 101"),
        Arguments.of(
            "search_issues",
            "{\"query\": \"bug\", \"limit\": 0}",
            "argument \"limit\" must be at least 1, found 0"),
        Arguments.of(
            "search_issues",
            "{\"query\": \"" + "q".repeat(257) + "\"}",
            "argument \"query\" is longer than 256 characters"),
        Arguments.of(
            "get_health",
            "{\"lookback_hours\": \"a day\"}",
            "argument \"lookback_hours\" must be an integer, found \"a day\""),
        Arguments.of(
            "get_health",
            "{\"lookback_hours\": 0}",
            "argument \"lookback_hours\" must be at least 1, found 0"),
        Arguments.of(
            "post_comment",
            "{\"number\": 1, \"body\": \"\"}",
            "argument \"body\" must not be empty"),
        Arguments.of("post_comment", "{\"number\": 1}", "missing argument \"body\""),
        Arguments.of(
            "add_labels",
            "{\"number\": 1, \"labels\": []}",
            "argument \"labels\" must have at least 1 item"),
        Arguments.of(
            "add_labels",
            "{\"number\": 1, \"labels\": \"bug\"}",
            "argument \"labels\" must be an array, found \"bug\""),
        Arguments.of(
            "add_labels",
            "{\"number\": 1, \"labels\": [\"bug\", 1]}",
            "argument \"labels[1]\" must be a string, found 1"),
        Arguments.of(
            "add_labels",
            "{\"number\": 1, \"labels\": [\"bug\", \"bug\"]}",
            "argument \"labels\" must not repeat an item"),
        Arguments.of(
            "add_labels",
            "{\"number\": 1, \"labels\": [\"" + "l".repeat(51) + "\"]}",
            "argument \"labels[0]\" is longer than 50 characters"),
        Arguments.of("remove_label", "{\"number\": 1}", "missing argument \"label\""),
        Arguments.of(
            "assign",
            "{\"number\": 1, \"assignees\": [\"not a login\"]}",
            "argument \"assignees[0]\" is not a GitHub login, found \"not a login\""),
        Arguments.of(
            "assign",
            "{\"number\": 1, \"assignees\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}",
            "argument \"assignees\" must have at most 10 items"),
        Arguments.of("create_issue", "{\"title\": \"t\"}", "missing argument \"body\""),
        Arguments.of(
            "create_issue",
            "{\"title\": \"\", \"body\": \"b\"}",
            "argument \"title\" must not be empty"),
        Arguments.of(
            "create_issue",
            "{\"title\": \"" + "t".repeat(257) + "\", \"body\": \"b\"}",
            "argument \"title\" is longer than 256 characters"),
        Arguments.of(
            "create_check_run",
            "{\"name\": \"n\", \"head_sha\": \"abc\", \"summary\": \"s\"}",
            "argument \"head_sha\" is not a 40-character hexadecimal commit SHA, found \"abc\""),
        Arguments.of(
            "close_issue",
            "{\"number\": 1, \"reason\": \"done\"}",
            "argument \"reason\" must be one of \"completed\", \"not_planned\", found \"done\""),
        Arguments.of(
            "post_comment",
            "{\"number\": \"x\", \"body\": \"\", \"owner\": \"o\"}",
            "unknown argument \"owner\""
                + IMPLICIT
                + "; argument \"body\" must not be empty; argument \"number\" must be an integer,"
                + " found \"x\""));
  }

  @Test
  void everyToolRefusesOwnerAndRepo() {
    for (Tool tool : TOOLS.all()) {
      for (String implicit : List.of("owner", "repo")) {
        ObjectNode arguments = (ObjectNode) TestJson.parse(VALID.get(tool.name()));
        arguments.put(implicit, "octo");
        assertThat(tool.validate(arguments).message())
            .as(tool.name())
            .isEqualTo(
                "tool \"" + tool.name() + "\": unknown argument \"" + implicit + "\"" + IMPLICIT);
      }
    }
  }

  @Test
  void everyToolNamesAMissingRequiredArgument() {
    for (Tool tool : TOOLS.all()) {
      for (JsonNode required : tool.argumentSchema().path("required")) {
        ObjectNode arguments = (ObjectNode) TestJson.parse(VALID.get(tool.name()));
        arguments.remove(required.asText());
        assertThat(tool.validate(arguments).message())
            .as(tool.name() + " without " + required)
            .isEqualTo(
                "tool \"" + tool.name() + "\": missing argument \"" + required.asText() + "\"");
      }
    }
  }

  @Test
  void everyToolNamesAnArgumentOfTheWrongType() {
    for (Tool tool : TOOLS.all()) {
      List<String> properties = new ArrayList<>();
      tool.argumentSchema()
          .path("properties")
          .properties()
          .forEach(e -> properties.add(e.getKey()));
      assertThat(properties).as(tool.name()).isNotEmpty();
      for (String property : properties) {
        ObjectNode arguments = (ObjectNode) TestJson.parse(VALID.get(tool.name()));
        arguments.set(property, JsonNodeFactory.instance.objectNode().put("x", 1));
        ArgumentCheck check = tool.validate(arguments);
        assertThat(check.problems())
            .as(tool.name() + "." + property)
            .singleElement()
            .asString()
            .startsWith("argument \"" + property + "\" must be ")
            .endsWith(", found {\"x\":1}");
      }
    }
  }

  @Test
  void numericStringsBecomeIntegersWhereTheSchemaSaysInteger() {
    ArgumentCheck check = TOOLS.get("get_issue").validate(TestJson.parse("{\"number\": \"12\"}"));
    assertThat(check.valid()).isTrue();
    assertThat(check.arguments()).isEqualTo(TestJson.parse("{\"number\": 12}"));

    ArgumentCheck search =
        TOOLS
            .get("search_issues")
            .validate(TestJson.parse("{\"query\": \"7\", \"limit\": \"50\"}"));
    assertThat(search.arguments()).isEqualTo(TestJson.parse("{\"query\": \"7\", \"limit\": 50}"));
  }

  @Test
  void wholeNumbersWithAFractionPartBecomeIntegers() {
    ArgumentCheck check = TOOLS.get("get_issue").validate(TestJson.parse("{\"number\": 12.0}"));
    assertThat(check.valid()).isTrue();
    assertThat(check.arguments().get("number").isIntegralNumber()).isTrue();
    assertThat(check.arguments().get("number").intValue()).isEqualTo(12);
  }

  @Test
  void stringsStayStringsWhereTheSchemaSaysString() {
    ArgumentCheck check =
        TOOLS.get("post_comment").validate(TestJson.parse("{\"number\": 1, \"body\": \"12\"}"));
    assertThat(check.arguments().get("body").isTextual()).isTrue();
  }

  @Test
  void absentArgumentsAreAnEmptyObject() {
    assertThat(TOOLS.get("get_health").validate(null).valid()).isTrue();
    assertThat(TOOLS.get("get_issue").validate(null).message())
        .isEqualTo("tool \"get_issue\": missing argument \"number\"");
  }

  @Test
  void invalidArgumentsAreReturnedAsGiven() {
    JsonNode given = TestJson.parse("{\"number\": \"12\", \"owner\": \"o\"}");
    ArgumentCheck check = TOOLS.get("get_issue").validate(given);
    assertThat(check.arguments()).isEqualTo(given);
  }

  @Test
  void longValuesAreCutInMessages() {
    ArgumentCheck check =
        TOOLS
            .get("get_issue")
            .validate(TestJson.parse("{\"number\": \"" + "a".repeat(500) + "\"}"));
    assertThat(check.message()).hasSizeLessThan(150).endsWith("…");
  }
}
