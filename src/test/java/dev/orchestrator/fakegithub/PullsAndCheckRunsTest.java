package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.state.CheckRun;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull requests and their files; check runs on their head commit. */
class PullsAndCheckRunsTest {
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

  private FakeGitHub github;
  private FakeRepo repo;
  private FakeClient client;
  private String token;

  @BeforeEach
  void start() {
    github = FakeGitHub.start();
    repo = github.repo("octo", "hello");
    repo.add(IssueSeed.issue("An issue"));
    repo.add(
        IssueSeed.pullRequest("Add feature", "feature", SHA)
            .author("alice")
            .file("src/a.txt", "modified", 3, 1, "@@ -1 +1,3 @@")
            .file("logo.png", "added", 0, 0, null));
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void aPullRequestHasItsHeadAndBase() throws Exception {
    JsonNode pr = client.get("/repos/octo/hello/pulls/2").token(token).send().json();

    assertThat(pr.path("number").asInt()).isEqualTo(2);
    assertThat(pr.path("head").path("sha").asText()).isEqualTo(SHA);
    assertThat(pr.path("head").path("ref").asText()).isEqualTo("feature");
    assertThat(pr.path("base").path("ref").asText()).isEqualTo("main");
    assertThat(pr.path("head").path("repo").path("full_name").asText()).isEqualTo("octo/hello");
    assertThat(pr.path("user").path("login").asText()).isEqualTo("alice");
    assertThat(pr.path("changed_files").asInt()).isEqualTo(2);
  }

  @Test
  void aPullRequestIsAlsoAnIssueButAnIssueIsNoPullRequest() throws Exception {
    JsonNode asIssue = client.get("/repos/octo/hello/issues/2").token(token).send().json();
    FakeClient.Answer issueAsPull = client.get("/repos/octo/hello/pulls/1").token(token).send();

    assertThat(asIssue.path("pull_request").path("url").asText())
        .endsWith("/repos/octo/hello/pulls/2");
    assertThat(issueAsPull.status()).isEqualTo(404);
  }

  @Test
  void listsTheChangedFiles() throws Exception {
    JsonNode files = client.get("/repos/octo/hello/pulls/2/files").token(token).send().json();

    assertThat(files)
        .extracting(f -> f.path("filename").asText())
        .containsExactly("src/a.txt", "logo.png");
    assertThat(files.get(0).path("changes").asInt()).isEqualTo(4);
    assertThat(files.get(0).path("patch").asText()).isEqualTo("@@ -1 +1,3 @@");
    assertThat(files.get(1).has("patch")).isFalse();
  }

  @Test
  void aCheckRunIsCreatedQueuedAndCompletedWithActions() throws Exception {
    JsonNode created =
        client
            .post("/repos/octo/hello/check-runs")
            .token(token)
            .json("{\"name\":\"agent: triage\",\"head_sha\":\"" + SHA + "\",\"status\":\"queued\"}")
            .send()
            .json();
    long id = created.path("id").asLong();
    JsonNode completed =
        client
            .patch("/repos/octo/hello/check-runs/" + id)
            .token(token)
            .json(
                "{\"conclusion\":\"action_required\",\"details_url\":\"https://example.test/c/1\","
                    + "\"output\":{\"title\":\"Needs approval\",\"summary\":\"run 42\"},"
                    + "\"actions\":[{\"label\":\"Approve\",\"description\":\"Run it\","
                    + "\"identifier\":\"approve:42\"}]}")
            .send()
            .json();

    assertThat(created.path("status").asText()).isEqualTo("queued");
    assertThat(created.path("app").path("id").asLong()).isEqualTo(github.appId());
    assertThat(created.path("pull_requests").get(0).path("number").asInt()).isEqualTo(2);
    assertThat(completed.path("status").asText()).isEqualTo("completed");
    assertThat(completed.path("conclusion").asText()).isEqualTo("action_required");
    assertThat(completed.path("output").path("summary").asText()).isEqualTo("run 42");
    CheckRun stored = repo.checkRuns().find(id).orElseThrow();
    assertThat(stored.actions())
        .singleElement()
        .satisfies(a -> assertThat(a.identifier()).isEqualTo("approve:42"));
    assertThat(stored.completedAt()).isNotNull();
  }

  @Test
  void checkRunsNeedAnAppNotAPersonalToken() throws Exception {
    FakeClient.Answer answer =
        client
            .post("/repos/octo/hello/check-runs")
            .token(github.personalAccessToken("alice"))
            .json("{\"name\":\"x\",\"head_sha\":\"" + SHA + "\"}")
            .send();

    assertThat(answer.status()).isEqualTo(403);
  }
}
