package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.IssueSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request bodies are held to the operation's schema from GitHub's description. */
class ValidationTest {
  private FakeGitHub github;
  private FakeClient client;
  private String token;

  @BeforeEach
  void start() {
    github = FakeGitHub.start();
    github.repo("octo", "hello").add(IssueSeed.issue("Crash on start"));
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void aCommentWithoutBodyIs422InGitHubsShape() throws Exception {
    FakeClient.Answer answer =
        client
            .post("/repos/octo/hello/issues/1/comments")
            .token(token)
            .json("{\"text\":\"hi\"}")
            .send();

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().path("message").asText())
        .isEqualTo("Invalid request.\n\n\"body\" wasn't supplied.");
    assertThat(answer.json().path("documentation_url").asText())
        .isEqualTo("https://docs.github.com/rest/issues/comments#create-an-issue-comment");
    assertThat(answer.json().path("status").asText()).isEqualTo("422");
    assertThat(github.comments("octo", "hello", 1)).isEmpty();
  }

  @Test
  void aMissingRequiredBodyIs422() throws Exception {
    FakeClient.Answer answer =
        client.post("/repos/octo/hello/issues/1/comments").token(token).send();

    assertThat(answer.status()).isEqualTo(422);
  }

  @Test
  void aReactionOutsideTheEnumIs422() throws Exception {
    long comment = github.repo("octo", "hello").comment(1, "alice", "hi").id();

    FakeClient.Answer answer =
        client
            .post("/repos/octo/hello/issues/comments/" + comment + "/reactions")
            .token(token)
            .json("{\"content\":\"thumbsup\"}")
            .send();

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().path("message").asText()).contains("content", "thumbsup");
  }

  @Test
  void aCheckRunActionLabelLongerThan20CharactersIs422() throws Exception {
    String body =
        "{\"name\":\"agent\",\"head_sha\":\"abc\",\"actions\":[{\"label\":\"This label is too long\","
            + "\"description\":\"d\",\"identifier\":\"approve\"}]}";

    FakeClient.Answer answer =
        client.post("/repos/octo/hello/check-runs").token(token).json(body).send();

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().path("message").asText()).contains("actions[0].label");
  }

  @Test
  void completingACheckRunWithoutConclusionIs422() throws Exception {
    long id =
        client
            .post("/repos/octo/hello/check-runs")
            .token(token)
            .json("{\"name\":\"agent\",\"head_sha\":\"abc\"}")
            .send()
            .json()
            .path("id")
            .asLong();

    FakeClient.Answer answer =
        client
            .patch("/repos/octo/hello/check-runs/" + id)
            .token(token)
            .json("{\"status\":\"completed\"}")
            .send();

    assertThat(answer.status()).isEqualTo(422);
  }

  @Test
  void nullWhereTheDescriptionSaysNullableIsAccepted() throws Exception {
    FakeClient.Answer answer =
        client
            .patch("/repos/octo/hello/issues/1")
            .token(token)
            .json("{\"body\":null,\"state\":\"closed\",\"state_reason\":\"not_planned\"}")
            .send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("body").isNull()).isTrue();
    assertThat(answer.json().path("state_reason").asText()).isEqualTo("not_planned");
  }

  @Test
  void aStringWhereTheSchemaWantsAnArrayIs422() throws Exception {
    FakeClient.Answer answer =
        client
            .post("/repos/octo/hello/issues/1/labels")
            .token(token)
            .json("{\"labels\":\"bug\"}")
            .send();

    assertThat(answer.status()).isEqualTo(422);
  }

  @Test
  void aBodyThatIsNotJsonIs400() throws Exception {
    FakeClient.Answer answer =
        client.post("/repos/octo/hello/issues/1/comments").token(token).json("{body:").send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).isEqualTo("Problems parsing JSON");
  }
}
