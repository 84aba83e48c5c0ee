package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.tool.ErrorClasses;
import dev.orchestrator.tool.ToolResult;
import dev.orchestrator.tool.WriteRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tools' port on GitHub: GitHub's JSON on success, a classed failure otherwise. */
class GitHubRepositoryPortTest {
  private static final String ISSUE = "/repos/octo/repo/issues/1";
  private static final String COMMENTS = ISSUE + "/comments";

  private Fixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      assertThat(f.api.unknown()).isEmpty();
      f.close();
    }
  }

  private GitHubRepositoryPort port() {
    return new GitHubRepositoryPort(f.gateway(), Fixture.REPO);
  }

  // --- each result kind, as the runtime and the mission breaker will see it ---

  @Test
  void everyGatewayOutcomeHasItsClassAndInfrastructureFlag() {
    assertThat(map(new GitHubResult.NotFound<>("getting issue \"octo/repo#9\": 404 from GitHub")))
        .isEqualTo(
            new ToolResult.Failed(
                "github_not_found", "getting issue \"octo/repo#9\": 404 from GitHub", false));
    assertThat(map(new GitHubResult.Failed<>(502, "m", true))).isEqualTo(infra("github_5xx"));
    assertThat(map(new GitHubResult.Failed<>(0, "m", true, FailureKind.TIMEOUT)))
        .isEqualTo(infra("github_timeout"));
    assertThat(map(new GitHubResult.Failed<>(0, "m", true, FailureKind.UNREACHABLE)))
        .isEqualTo(infra("github_unavailable"));
    assertThat(map(new GitHubResult.Failed<>(0, "m", true, FailureKind.NO_TOKEN)))
        .isEqualTo(infra("github_unavailable"));
    assertThat(map(new GitHubResult.Failed<>(0, "m", true, FailureKind.BREAKER_OPEN)))
        .isEqualTo(infra("github_breaker_open"));
    assertThat(map(new GitHubResult.OutcomeUnknown<>("m")))
        .isEqualTo(infra("github_outcome_unknown"));
    assertThat(map(new GitHubResult.Failed<>(403, "m", false)))
        .isEqualTo(refused("github_forbidden"));
    assertThat(map(new GitHubResult.Failed<>(401, "m", false)))
        .isEqualTo(refused("github_forbidden"));
    assertThat(map(new GitHubResult.Failed<>(422, "m", false)))
        .isEqualTo(refused("github_unprocessable"));
    assertThat(map(new GitHubResult.Failed<>(400, "m", false)))
        .isEqualTo(refused("github_refused"));
    assertThat(map(new GitHubResult.Failed<>(0, "m", false)))
        .isEqualTo(refused("github_not_configured"));
    assertThat(map(new GitHubResult.Failed<>(200, "m", false, FailureKind.UNEXPECTED)))
        .isEqualTo(refused("github_unexpected_answer"));

    Instant at = Instant.parse("2025-06-01T13:00:00Z");
    ToolResult deferred = map(new GitHubResult.Deferred<>(at, "posting a comment: waiting"));
    assertThat(deferred).isEqualTo(new ToolResult.Deferred(at, "posting a comment: waiting"));
    assertThat(deferred.ok()).isFalse();
    assertThat(deferred.infrastructure()).isFalse();
    assertThat(deferred.toJson().path("not_before").asText()).isEqualTo(at.toString());
    assertThat(deferred.toJson().path("error").path("class").asText()).isEqualTo("rate_limited");
    assertThat(map(new GitHubResult.Ok<>(Json.object().put("id", 1))).output().path("id").asInt())
        .isEqualTo(1);
  }

  private static ToolResult map(GitHubResult<JsonNode> r) {
    return GitHubRepositoryPort.result(r, x -> x);
  }

  private static ToolResult infra(String errorClass) {
    return new ToolResult.Failed(errorClass, "m", true);
  }

  private static ToolResult refused(String errorClass) {
    return new ToolResult.Failed(errorClass, "m", false);
  }

  // --- against the loopback API ---

  @Test
  void readsHandOnGitHubsJsonAsReceived() throws IOException {
    f = Fixture.token("tok");
    String issue =
        "{\"id\":9,\"number\":1,\"title\":\"Crash\",\"state\":\"open\",\"body\":null,"
            + "\"labels\":[{\"id\":3,\"name\":\"bug\",\"color\":\"d73a4a\"}],"
            + "\"user\":{\"login\":\"alice\",\"type\":\"User\"},\"comments\":0}";
    f.api.route("GET", ISSUE, r -> LoopbackApi.Reply.json(200, issue));
    ToolResult r = port().getIssue(1);
    assertThat(r.ok()).isTrue();
    assertThat(r.output()).isEqualTo(Json.MAPPER.readTree(issue));
    assertThat(r.output().path("labels").get(0).path("color").asText()).isEqualTo("d73a4a");
  }

  @Test
  void searchAddsTheRepositoryAndKeepsToTheLimit() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        "/search/issues",
        r ->
            LoopbackApi.Reply.json(
                200,
                "{\"total_count\":2,\"incomplete_results\":false,\"items\":["
                    + TransportTest.ISSUE_JSON
                    + ","
                    + TransportTest.ISSUE_JSON.replace("\"number\":1", "\"number\":2")
                    + "]}"));
    ToolResult r = port().searchIssues("is:open", 1);
    assertThat(r.output().path("total_count").asInt()).isEqualTo(2);
    assertThat(r.output().path("items")).hasSize(1);
    assertThat(r.output().path("items").get(0).path("number").asInt()).isEqualTo(1);
    String query = f.api.requests("GET", "/search/issues").get(0).query();
    assertThat(java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("q=repo:octo/repo is:open&per_page=1");
  }

  @Test
  void aPostedCommentCarriesTheMarkerAndAnUnknownOutcomeIsLookedUpNotRepeated() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    List<String> made = new CopyOnWriteArrayList<>();
    f.api.route(
        "POST",
        COMMENTS,
        r -> {
          made.add(TransportTest.comment(200 + made.size(), bodyOf(r)));
          return LoopbackApi.Reply.hanging(); // GitHub made it; the answer is lost
        });
    f.api.route(
        "GET", COMMENTS, r -> LoopbackApi.Reply.json(200, "[" + String.join(",", made) + "]"));
    String marker = "<!-- agent-out:42:3 -->";
    ToolResult r = port().postComment(1, "Is this still relevant?", marker);
    assertThat(r.ok()).isTrue();
    assertThat(r.output().path("id").asLong()).isEqualTo(200);
    assertThat(r.output().path("body").asText()).isEqualTo("Is this still relevant?\n\n" + marker);
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(1);
  }

  @Test
  void aWriteThatTimedOutWithoutATraceIsAnUnknownOutcome() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    f.api.route("POST", COMMENTS, r -> LoopbackApi.Reply.hanging());
    f.api.route("GET", COMMENTS, r -> LoopbackApi.Reply.json(200, "[]"));
    ToolResult r = port().postComment(1, "hello", "<!-- agent-out:42:1 -->");
    assertThat(r.failureClass()).contains("github_outcome_unknown");
    assertThat(r.infrastructure()).isTrue();
    assertThat(r.summary()).startsWith("posting a comment on \"octo/repo#1\": ");
  }

  @Test
  void writesSendExactlyWhatADryRunRecords() throws IOException {
    f = Fixture.token("tok");
    f.api.route(
        "POST",
        "/repos/octo/repo/check-runs",
        r -> LoopbackApi.Reply.json(201, "{\"id\":4,\"name\":\"lint\",\"status\":\"completed\"}"));
    f.api.route("PATCH", ISSUE, r -> LoopbackApi.Reply.json(200, TransportTest.ISSUE_JSON));
    f.api.route(
        "POST",
        ISSUE + "/labels",
        r -> LoopbackApi.Reply.json(200, "[{\"id\":3,\"name\":\"bug\",\"color\":\"d73a4a\"}]"));
    Optional<String> repo = Optional.of("octo/repo");

    assertThat(
            port().createCheckRun("lint", "a".repeat(40), "all good").output().path("id").asInt())
        .isEqualTo(4);
    assertThat(port().closeIssue(1, Optional.of("not_planned")).ok()).isTrue();
    ToolResult labels = port().addLabels(1, List.of("bug"));
    assertThat(labels.output().get(0).path("color").asText()).isEqualTo("d73a4a");

    assertSent(
        "POST",
        "/repos/octo/repo/check-runs",
        WriteRequest.createCheckRun(repo, "lint", "a".repeat(40), "all good"));
    assertSent("PATCH", ISSUE, WriteRequest.closeIssue(repo, 1, Optional.of("not_planned")));
    assertSent("POST", ISSUE + "/labels", WriteRequest.addLabels(repo, 1, List.of("bug")));
  }

  @Test
  void aDirectoryIsNotAFileAndAMissingIssueIsNotFound() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        "/repos/octo/repo/contents/docs",
        r -> LoopbackApi.Reply.json(200, "[{\"type\":\"file\",\"name\":\"a.md\"}]"));
    f.api.route(
        "GET",
        "/repos/octo/repo/issues/404",
        r -> LoopbackApi.Reply.json(404, "{\"message\":\"Not Found\"}"));
    assertThat(port().getFile("docs", Optional.empty()).failureClass())
        .contains(ErrorClasses.NOT_A_FILE);
    ToolResult missing = port().getIssue(404);
    assertThat(missing.failureClass()).contains("github_not_found");
    assertThat(missing.infrastructure()).isFalse();
    assertThat(missing.summary())
        .isEqualTo("getting issue \"octo/repo#404\": 404 from GitHub: not found");
  }

  @Test
  void aRateLimitedStepIsReportedWithItsInstantAndNothingIsSent() {
    f = Fixture.token("tok");
    Instant reset = f.clock.instant().plusSeconds(3600);
    f.api.route("POST", ISSUE + "/labels", r -> Replies.exhausted("core", 5000, reset));
    ToolResult r = port().addLabels(1, List.of("stale"));
    assertThat(r).isInstanceOf(ToolResult.Deferred.class);
    assertThat(((ToolResult.Deferred) r).notBefore()).isEqualTo(reset);
    assertThat(r.failureClass()).contains("rate_limited");
    assertThat(r.infrastructure()).as("a wait is no failure of GitHub's").isFalse();
    assertThat(r.summary()).endsWith("deferred until " + reset);
    assertThat(f.api.requests("POST", ISSUE + "/labels")).hasSize(1);
  }

  private void assertSent(String method, String path, WriteRequest expected) {
    List<LoopbackApi.Received> sent = f.api.requests(method, path);
    assertThat(sent).hasSize(1);
    try {
      assertThat(Json.MAPPER.readTree(sent.get(0).body())).isEqualTo(expected.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(expected.path()).isEqualTo(path);
  }

  private static String bodyOf(LoopbackApi.Received r) {
    try {
      return Json.MAPPER.readTree(r.body()).path("body").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
