package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.fakegithub.state.IssueSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the fake answers, and what it makes of requests it does not know. */
class RoutingTest {
  private FakeGitHub github;
  private String token;

  @BeforeEach
  void start() {
    github = FakeGitHub.start();
    github.repo("octo", "hello").add(IssueSeed.issue("Crash on start"));
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void servesTheSameApiAtTheRootAndUnderTheGhesPrefix() throws Exception {
    FakeClient.Answer root =
        new FakeClient(github.rootUrl()).get("/repos/octo/hello/issues/1").token(token).send();
    FakeClient.Answer ghes =
        new FakeClient(github.apiUrl()).get("/repos/octo/hello/issues/1").token(token).send();

    assertThat(root.status()).isEqualTo(200);
    assertThat(ghes.status()).isEqualTo(200);
    assertThat(root.json().path("url").asText())
        .isEqualTo(github.rootUrl() + "/repos/octo/hello/issues/1");
    assertThat(ghes.json().path("url").asText())
        .isEqualTo(github.apiUrl() + "/repos/octo/hello/issues/1");
    assertThat(github.requests("GET", "/repos/octo/hello/issues/1")).hasSize(2);
    github.assertNoUnknownRoutes();
  }

  @Test
  void anUnknownRouteIsA404AndFailsTheTest() throws Exception {
    FakeClient client = new FakeClient(github.apiUrl());
    FakeClient.Answer unknown =
        client.get("/repos/octo/hello/issues/1/timeline").token(token).send();
    FakeClient.Answer wrongMethod = client.post("/repos/octo/hello/issues/1").token(token).send();
    FakeClient.Answer notANumber =
        client.get("/repos/octo/hello/issues/comments").token(token).send();

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).isEqualTo("Not Found");
    assertThat(unknown.header("x-ratelimit-remaining")).isEqualTo("4999");
    assertThat(wrongMethod.status()).isEqualTo(404);
    assertThat(notANumber.status()).isEqualTo(404);
    assertThat(github.problems())
        .containsExactly(
            "unknown route: GET /repos/octo/hello/issues/1/timeline",
            "unknown route: POST /repos/octo/hello/issues/1",
            "unknown route: GET /repos/octo/hello/issues/comments");
    assertThatThrownBy(github::assertNoUnknownRoutes)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /repos/octo/hello/issues/1/timeline");
    assertThat(github.requests("GET", "/repos/octo/hello/issues/1/timeline"))
        .singleElement()
        .satisfies(r -> assertThat(r.template()).isNull());
  }

  @Test
  void anUndocumentedQueryParameterFailsTheTestToo() throws Exception {
    FakeClient.Answer answer =
        new FakeClient(github.apiUrl())
            .get("/repos/octo/hello/issues/1/comments?sort=created&per_page=5")
            .token(token)
            .send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(github.problems())
        .singleElement()
        .asString()
        .contains("undocumented query parameter \"sort\"", "issues/list-comments");
  }

  @Test
  void aRequestWithoutUserAgentIsRefusedLikeGitHubDoes() throws Exception {
    FakeClient.Answer answer =
        new FakeClient(github.apiUrl())
            .get("/repos/octo/hello/issues/1")
            .token(token)
            .noUserAgent()
            .send();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("content-type")).startsWith("text/html");
    assertThat(answer.body()).contains("Please make sure your request has a User-Agent header");
    github.assertNoUnknownRoutes();
  }

  @Test
  void everyRequestIsLoggedWithWhatTheFakeAnswered() throws Exception {
    new FakeClient(github.apiUrl())
        .post("/repos/octo/hello/issues/1/comments")
        .token(token)
        .json("{\"body\":\"hello\"}")
        .send();

    assertThat(github.requests("POST", "/repos/octo/hello/issues/1/comments"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(201);
              assertThat(r.json().path("body").asText()).isEqualTo("hello");
              assertThat(r.header("Authorization")).hasValue("token " + token);
              assertThat(r.template())
                  .isEqualTo("/repos/{owner}/{repo}/issues/{issue_number}/comments");
              assertThat(r.outcome()).isEqualTo("answered");
              assertThat(r.toString()).doesNotContain(token);
            });
    github.assertNoUnknownRoutes();
  }
}
