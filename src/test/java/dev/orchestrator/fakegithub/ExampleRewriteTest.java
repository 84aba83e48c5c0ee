package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers are GitHub's documented examples with every GitHub URL moved to the fake. */
class ExampleRewriteTest {
  private FakeGitHub github;
  private FakeClient client;
  private String token;
  private Comment comment;

  @BeforeEach
  void start() {
    github = FakeGitHub.start();
    FakeRepo repo = github.repo("octo", "hello");
    repo.add(IssueSeed.issue("An issue").labels("bug"));
    repo.add(
        IssueSeed.pullRequest("A change", "feature", "abc123").file("a.txt", "added", 1, 0, "+a"));
    repo.file("README.md", "hi");
    repo.role("alice", "triage");
    comment = repo.comment(1, "alice", "hello");
    repo.react(comment.id(), "alice", "+1");
    github.deliveries().record("issues", "opened", 200, 1L, repo.id());
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void noAnswerPointsAtGitHubItself() throws Exception {
    List<JsonNode> answers = new ArrayList<>();
    for (String path :
        List.of(
            "/repos/octo/hello",
            "/repos/octo/hello/issues/1",
            "/repos/octo/hello/issues/1/comments",
            "/repos/octo/hello/issues/comments/" + comment.id(),
            "/repos/octo/hello/issues/comments/" + comment.id() + "/reactions",
            "/repos/octo/hello/pulls/2",
            "/repos/octo/hello/pulls/2/files",
            "/repos/octo/hello/contents/README.md",
            "/repos/octo/hello/collaborators/alice/permission",
            "/search/issues?q=repo%3Aocto%2Fhello")) {
      answers.add(ok(client.get(path).token(token).send()));
    }
    for (String path :
        List.of(
            "/app",
            "/app/installations",
            "/repos/octo/hello/installation",
            "/app/hook/deliveries")) {
      answers.add(ok(client.get(path).bearer(github.appJwt()).send()));
    }
    answers.add(
        ok(client.post("/app/installations/1/access_tokens").bearer(github.appJwt()).send()));

    for (JsonNode answer : answers) {
      assertThat(answer.toString())
          .doesNotContain("https://api.github.com")
          .doesNotContain("https://github.com/")
          .doesNotContain("https://uploads.github.com");
    }
    JsonNode repo = answers.get(0);
    assertThat(repo.path("issues_url").asText())
        .isEqualTo(github.apiUrl() + "/repos/octo/hello/issues{/number}");
    assertThat(repo.path("html_url").asText()).isEqualTo(github.webUrl() + "/octo/hello");
    assertThat(answers.get(1).path("user").path("url").asText())
        .isEqualTo(github.apiUrl() + "/users/octocat");
  }

  @Test
  void fieldsTheFakeDoesNotModelKeepTheDescriptionsExampleValues() throws Exception {
    JsonNode repo = ok(client.get("/repos/octo/hello").token(token).send());

    // e.g. the example's topics: realistic shape, documented values
    assertThat(repo.path("topics").isArray()).isTrue();
    assertThat(repo.path("full_name").asText()).isEqualTo("octo/hello");
  }

  private static JsonNode ok(FakeClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    return answer.json();
  }
}
