package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Offline runs against GitHub's documented {@code issues.opened} example payload. */
class OfflineRepositoryTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();
  private static final String NO_CREDENTIALS =
      " without GitHub credentials (set GITHUB_TOKEN or APP_ID)";

  private final JsonNode opened = TestJson.payload("issues.opened");
  private final ToolContext ctx =
      ToolContext.offline(7, opened, false, lookback -> TestJson.parse("{}"));

  private ToolResult call(String tool, String arguments) {
    return TOOLS.execute(new ToolCall(tool, TestJson.parse(arguments), 0), ctx);
  }

  @Test
  void theRepositoryComesFromThePayload() {
    assertThat(ctx.repository()).contains("Codertocat/Hello-World");
    assertThat(ctx.dryRun()).isFalse();
  }

  @Test
  void getIssueAnswersFromTheEventsIssue() {
    ToolResult result = call("get_issue", "{\"number\": 1}");
    assertThat(result.ok()).isTrue();
    assertThat(result.recorded()).isFalse();
    assertThat(result.output().path("title").asText())
        .isEqualTo("Spelling error in the README file");
    assertThat(result.output().path("user").path("login").asText()).isEqualTo("Codertocat");
    assertThat(result.output()).isEqualTo(opened.get("issue"));
  }

  @Test
  void getIssueAcceptsTheNumberAsTemplatedText() {
    assertThat(call("get_issue", "{\"number\": \"1\"}").ok()).isTrue();
  }

  @Test
  void getIssueOfAnotherNumberSaysWhyItCannot() {
    ToolResult result = call("get_issue", "{\"number\": 12}");
    assertThat(result.ok()).isFalse();
    assertThat(result.infrastructure()).isFalse();
    assertThat(result.failureClass()).contains(ErrorClasses.OFFLINE);
    assertThat(result.summary()).isEqualTo("offline: cannot fetch issue #12" + NO_CREDENTIALS);
  }

  @Test
  void listCommentsKnowsAnIssueWithoutComments() {
    ToolResult result = call("list_comments", "{\"number\": 1}");
    assertThat(result.ok()).isTrue();
    assertThat(result.output().isArray()).isTrue();
    assertThat(result.output()).isEmpty();
  }

  @Test
  void listCommentsAnswersFromTheCommentWhenItIsTheOnlyOne() {
    ObjectNode event = opened.deepCopy();
    ((ObjectNode) event.get("issue")).put("comments", 1);
    event
        .putObject("comment")
        .put("id", 5)
        .put("body", "me too")
        .put("updated_at", "2019-05-16T00:00:00Z");
    OfflineRepository offline = new OfflineRepository(Optional.empty(), event);

    assertThat(offline.listComments(1, Optional.empty()).output())
        .isEqualTo(TestJson.parse("[" + event.get("comment") + "]"));
    assertThat(
            offline
                .listComments(1, Optional.of(java.time.Instant.parse("2019-05-17T00:00:00Z")))
                .output())
        .isEmpty();

    ((ObjectNode) event.get("issue")).put("comments", 3);
    assertThat(
            new OfflineRepository(Optional.empty(), event)
                .listComments(1, Optional.empty())
                .summary())
        .isEqualTo("offline: cannot list the comments of #1" + NO_CREDENTIALS);
  }

  @Test
  void getPullRequestAnswersOnlyFromAPullRequestPayload() {
    assertThat(call("get_pull_request", "{\"number\": 1}").summary())
        .isEqualTo("offline: cannot fetch pull request #1" + NO_CREDENTIALS);

    JsonNode event = TestJson.parse("{\"pull_request\": {\"number\": 9, \"title\": \"Fix typo\"}}");
    OfflineRepository offline = new OfflineRepository(Optional.empty(), event);
    assertThat(offline.getPullRequest(9).output().path("title").asText()).isEqualTo("Fix typo");
    assertThat(offline.getPullRequest(8).ok()).isFalse();
  }

  @Test
  void readsThePayloadCannotAnswerFailClearly() {
    assertThat(call("search_issues", "{\"query\": \"is:open\"}").summary())
        .isEqualTo("offline: cannot search issues for \"is:open\"" + NO_CREDENTIALS);
    assertThat(call("get_file", "{\"path\": \"README.md\"}").summary())
        .isEqualTo("offline: cannot read file \"README.md\"" + NO_CREDENTIALS);
    assertThat(call("list_pr_files", "{\"number\": 1}").summary())
        .isEqualTo("offline: cannot list the files of pull request #1" + NO_CREDENTIALS);
  }

  @Test
  void writesAreRecordedNeverSent() {
    ToolResult result = call("post_comment", "{\"number\": 1, \"body\": \"Thanks @Codertocat\"}");
    assertThat(result.ok()).isTrue();
    assertThat(result.recorded()).isTrue();
    assertThat(result.output())
        .isEqualTo(
            TestJson.parse(
                "{\"recorded\": true, \"would_send\": {\"method\": \"POST\","
                    + " \"path\": \"/repos/Codertocat/Hello-World/issues/1/comments\","
                    + " \"body\": {\"body\": \"Thanks @\u200DCodertocat\\n\\n<!-- agent-out:7:0 -->\"}}}"));

    ToolResult close = call("close_issue", "{\"number\": 1}");
    assertThat(close.recorded()).isTrue();
    assertThat(close.output().path("would_send").path("method").asText()).isEqualTo("PATCH");
  }

  @Test
  void withoutAPayloadNothingCanBeRead() {
    ToolContext bare = ToolContext.offline(1, null, false, lookback -> TestJson.parse("{}"));
    assertThat(bare.repository()).isEmpty();
    ToolResult result =
        TOOLS.execute(new ToolCall("get_issue", TestJson.parse("{\"number\": 1}"), 0), bare);
    assertThat(result.summary()).isEqualTo("offline: cannot fetch issue #1" + NO_CREDENTIALS);
    ToolResult write =
        TOOLS.execute(
            new ToolCall("add_labels", TestJson.parse("{\"number\": 1, \"labels\": [\"bug\"]}"), 0),
            bare);
    assertThat(write.output().path("would_send").path("path").asText())
        .isEqualTo("/repos/{owner}/{repo}/issues/1/labels");
  }
}
