package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reactions on comments, and collaborator permissions with {@code role_name}. */
class ReactionsAndPermissionsTest {
  private FakeGitHub github;
  private FakeRepo repo;
  private FakeClient client;
  private String token;
  private Comment comment;

  @BeforeEach
  void start() {
    github = FakeGitHub.start();
    repo = github.repo("octo", "hello");
    repo.add(IssueSeed.issue("Approve me"));
    comment = repo.comment(1, "agent-orchestrator-test[bot]", "run 42 needs approval");
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  private String reactions() {
    return "/repos/octo/hello/issues/comments/" + comment.id() + "/reactions";
  }

  @Test
  void listingHonoursTheContentFilter() throws Exception {
    repo.react(comment.id(), "alice", "+1");
    repo.react(comment.id(), "bob", "-1");
    repo.react(comment.id(), "carol", "+1");

    JsonNode thumbsUp = client.get(reactions() + "?content=%2B1").token(token).send().json();
    JsonNode all = client.get(reactions()).token(token).send().json();

    assertThat(thumbsUp)
        .extracting(r -> r.path("user").path("login").asText())
        .containsExactly("alice", "carol");
    assertThat(all).hasSize(3);
    assertThat(all.get(1).path("content").asText()).isEqualTo("-1");
    assertThat(all.get(1).path("id").asLong()).isPositive();
  }

  @Test
  void reactingTwiceReturnsTheSameReactionWith200() throws Exception {
    FakeClient.Answer first =
        client.post(reactions()).token(token).json("{\"content\":\"eyes\"}").send();
    FakeClient.Answer second =
        client.post(reactions()).token(token).json("{\"content\":\"eyes\"}").send();

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
    assertThat(first.json().path("user").path("type").asText()).isEqualTo("Bot");
    assertThat(repo.reactions().on(comment.id())).hasSize(1);
  }

  @Test
  void aReactionIsDeletedById() throws Exception {
    long id =
        client
            .post(reactions())
            .token(token)
            .json("{\"content\":\"eyes\"}")
            .send()
            .json()
            .path("id")
            .asLong();

    FakeClient.Answer deleted = client.delete(reactions() + "/" + id).token(token).send();
    FakeClient.Answer again = client.delete(reactions() + "/" + id).token(token).send();

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(again.status()).isEqualTo(404);
    assertThat(repo.reactions().on(comment.id())).isEmpty();
  }

  private JsonNode permission(String login) throws Exception {
    return client
        .get("/repos/octo/hello/collaborators/" + login + "/permission")
        .token(token)
        .send()
        .json();
  }

  @Test
  void roleNameTellsTriageFromReadAndMaintainFromWrite() throws Exception {
    repo.role("tia", "triage").role("rae", "read").role("max", "maintain").role("wes", "write");

    assertThat(permission("tia").path("permission").asText()).isEqualTo("read");
    assertThat(permission("tia").path("role_name").asText()).isEqualTo("triage");
    assertThat(permission("rae").path("permission").asText()).isEqualTo("read");
    assertThat(permission("rae").path("role_name").asText()).isEqualTo("read");
    assertThat(permission("max").path("permission").asText()).isEqualTo("write");
    assertThat(permission("max").path("role_name").asText()).isEqualTo("maintain");
    assertThat(permission("wes").path("role_name").asText()).isEqualTo("write");
    assertThat(permission("wes").path("user").path("login").asText()).isEqualTo("wes");
  }

  @Test
  void aCustomRoleReportsItsNameAndItsLegacyBase() throws Exception {
    repo.customRole("cuz", "release-manager", "write");

    JsonNode p = permission("cuz");

    assertThat(p.path("role_name").asText()).isEqualTo("release-manager");
    assertThat(p.path("permission").asText()).isEqualTo("write");
  }

  @Test
  void anUnknownUserIs404() throws Exception {
    FakeClient.Answer answer =
        client.get("/repos/octo/hello/collaborators/ghost/permission").token(token).send();

    assertThat(answer.status()).isEqualTo(404);
  }
}
