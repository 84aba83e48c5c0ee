package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WriteToolsTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();
  private static final String SHA = "A10867B14BB761A232CD80139FBD4C0D33264240";
  private static final String REPO = "/repos/octo/hello";

  private final RecordingPort port = new RecordingPort();

  private ToolContext context(boolean dryRun) {
    return new ToolContext(
        42,
        Optional.of("octo/hello"),
        TestJson.parse("{}"),
        dryRun,
        port,
        lookback -> TestJson.parse("{\"level\": \"HEALTHY\", \"summary\": \"ok\"}"));
  }

  /**
   * Each write tool: arguments, the request a dry run records, and the port call a real run makes.
   */
  static Stream<Arguments> writes() {
    return Stream.of(
        Arguments.of(
            "post_comment",
            "{\"number\": \"12\", \"body\": \"Hi @octocat, see a@b.com\"}",
            "{\"method\": \"POST\", \"path\": \""
                + REPO
                + "/issues/12/comments\","
                + " \"body\": {\"body\": \"Hi @\u200Doctocat, see a@b.com\\n\\n<!-- agent-out:42:3 -->\"}}",
            "postComment 12 \"Hi @\u200Doctocat, see a@b.com\" \"<!-- agent-out:42:3 -->\""),
        Arguments.of(
            "add_labels",
            "{\"number\": 12, \"labels\": [\"bug\", \"needs triage\"]}",
            "{\"method\": \"POST\", \"path\": \""
                + REPO
                + "/issues/12/labels\","
                + " \"body\": {\"labels\": [\"bug\", \"needs triage\"]}}",
            "addLabels 12 [bug, needs triage]"),
        Arguments.of(
            "remove_label",
            "{\"number\": 12, \"label\": \"needs triage/ü\"}",
            "{\"method\": \"DELETE\", \"path\": \""
                + REPO
                + "/issues/12/labels/needs%20triage%2F%C3%BC\"}",
            "removeLabel 12 \"needs triage/ü\""),
        Arguments.of(
            "assign",
            "{\"number\": 12, \"assignees\": [\"octocat\"]}",
            "{\"method\": \"POST\", \"path\": \""
                + REPO
                + "/issues/12/assignees\","
                + " \"body\": {\"assignees\": [\"octocat\"]}}",
            "assign 12 [octocat]"),
        Arguments.of(
            "create_issue",
            "{\"title\": \"Flaky @ci\", \"body\": \"cc @org/team\"}",
            "{\"method\": \"POST\", \"path\": \""
                + REPO
                + "/issues\","
                + " \"body\": {\"title\": \"Flaky @ci\", \"body\": \"cc @\u200Dorg/team\"}}",
            "createIssue \"Flaky @ci\" \"cc @\u200Dorg/team\" []"),
        Arguments.of(
            "create_check_run",
            "{\"name\": \"agent\", \"head_sha\": \"" + SHA + "\", \"summary\": \"All good\"}",
            "{\"method\": \"POST\", \"path\": \""
                + REPO
                + "/check-runs\", \"body\": {\"name\": \"agent\","
                + " \"head_sha\": \""
                + SHA.toLowerCase(java.util.Locale.ROOT)
                + "\","
                + " \"status\": \"completed\", \"conclusion\": \"neutral\","
                + " \"output\": {\"title\": \"agent\", \"summary\": \"All good\"}}}",
            "createCheckRun \"agent\" \""
                + SHA.toLowerCase(java.util.Locale.ROOT)
                + "\" \"All good\""),
        Arguments.of(
            "close_issue",
            "{\"number\": 12, \"reason\": \"not_planned\"}",
            "{\"method\": \"PATCH\", \"path\": \""
                + REPO
                + "/issues/12\","
                + " \"body\": {\"state\": \"closed\", \"state_reason\": \"not_planned\"}}",
            "closeIssue 12 Optional[not_planned]"));
  }

  @ParameterizedTest
  @MethodSource("writes")
  void aDryRunRecordsTheRequestAndNeverCallsThePort(
      String tool, String arguments, String request, String portCall) {
    ToolResult result =
        TOOLS.execute(new ToolCall(tool, TestJson.parse(arguments), 3), context(true));
    assertThat(port.calls).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.recorded()).isTrue();
    assertThat(((ToolResult.Recorded) result).wouldSend()).isEqualTo(TestJson.parse(request));
  }

  @ParameterizedTest
  @MethodSource("writes")
  void aRealRunSendsTheSameValuesThroughThePort(
      String tool, String arguments, String request, String portCall) {
    ToolResult result =
        TOOLS.execute(new ToolCall(tool, TestJson.parse(arguments), 3), context(false));
    assertThat(port.calls).containsExactly(portCall);
    assertThat(result.output().path("answered").asText()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("writes")
  void offlineRecordsExactlyWhatADryRunRecords(
      String tool, String arguments, String request, String portCall) {
    JsonNode event = TestJson.parse("{\"repository\": {\"full_name\": \"octo/hello\"}}");
    ToolContext offline = ToolContext.offline(42, event, false, lookback -> event);
    ToolResult result = TOOLS.execute(new ToolCall(tool, TestJson.parse(arguments), 3), offline);
    assertThat(result.recorded()).isTrue();
    assertThat(((ToolResult.Recorded) result).wouldSend()).isEqualTo(TestJson.parse(request));
  }

  @Test
  void readToolsRunInADryRun() {
    ToolResult result =
        TOOLS.execute(
            new ToolCall("get_issue", TestJson.parse("{\"number\": 5}"), 0), context(true));
    assertThat(port.calls).containsExactly("getIssue 5");
    assertThat(result.recorded()).isFalse();
  }

  @Test
  void invalidArgumentsNeverReachThePort() {
    ToolResult result =
        TOOLS.execute(
            new ToolCall("post_comment", TestJson.parse("{\"number\": 1, \"owner\": \"x\"}"), 0),
            context(false));
    assertThat(port.calls).isEmpty();
    assertThat(result.failureClass()).contains(ErrorClasses.INVALID_ARGUMENTS);
  }

  @Test
  void aPortFailureIsPassedOnAsItIs() {
    port.next = ToolResult.infrastructureFailure("github_unavailable", "502 from GitHub");
    ToolResult result =
        TOOLS.execute(
            new ToolCall("add_labels", TestJson.parse("{\"number\": 1, \"labels\": [\"x\"]}"), 0),
            context(false));
    assertThat(result).isSameAs(port.next);
  }

  @Test
  void aBodyLongerAfterNeutralisingIsCapped() {
    String body = "@a ".repeat(20_000); // 60000 characters, 20000 mentions
    TOOLS.execute(
        new ToolCall(
            "post_comment", TestJson.parse("{\"number\": 1, \"body\": \"" + body + "\"}"), 0),
        context(false));
    String sent = port.calls.get(0);
    assertThat(sent).contains("… (cut here: the text had 80000 characters, more than 60000)");
  }
}
