package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.openapi.Operation;
import org.junit.jupiter.api.Test;

/** The route table is held to GitHub's REST description at start-up. */
class StartupCheckTest {

  @Test
  void theVendoredSubsetHasEveryOperationTheFakeNeeds() {
    OpenApiIndex index = OpenApiIndex.load();
    assertThat(index.source().path("package").asText()).isEqualTo("@octokit/openapi");
    assertThat(index.operations()).hasSize(32);
    Operation comment = index.get("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments");
    assertThat(comment.operationId()).isEqualTo("issues/create-comment");
    assertThat(comment.requestSchema().path("required").get(0).asText()).isEqualTo("body");
    assertThat(comment.example(201).path("body").asText()).isEqualTo("Me too");
    assertThat(index.get("GET", "/repos/{owner}/{repo}/contents/{path}").pathParameter("path"))
        .hasValueSatisfying(p -> assertThat(p.multiSegment()).isTrue());
  }

  @Test
  void everyVendoredOperationIsServed() {
    // the fake started, so each of its routes passed the check; the converse keeps the subset
    // free of operations nothing serves
    try (FakeGitHub github = FakeGitHub.start()) {
      assertThat(github.routes())
          .containsExactlyInAnyOrderElementsOf(
              OpenApiIndex.load().operations().stream().map(Operation::key).toList());
    }
  }

  @Test
  void aRouteGitHubDoesNotHaveStopsTheFakeFromStarting() {
    Route madeUp =
        Route.post(
            "/repos/{owner}/{repo}/issues/{issue_number}/approve",
            Auth.TOKEN,
            call -> Reply.empty(204));
    assertThatThrownBy(() -> FakeGitHub.builder().extraRoute(madeUp).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "\"POST /repos/{owner}/{repo}/issues/{issue_number}/approve\" is not in GitHub's REST"
                + " description");
  }

  @Test
  void aRouteServedTwiceStopsTheFakeToo() {
    Route again = Route.get("/app", Auth.APP, call -> Reply.empty(204));
    assertThatThrownBy(() -> FakeGitHub.builder().extraRoute(again).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"GET /app\" is served twice");
  }
}
