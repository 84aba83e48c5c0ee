package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issues, labels, assignees and comments, read and written through the API. */
class IssuesAndCommentsTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T12:00:00Z"));
  private FakeGitHub github;
  private FakeRepo repo;
  private FakeClient client;
  private String token;

  @BeforeEach
  void start() {
    github = FakeGitHub.builder().clock(clock).start();
    repo = github.repo("octo", "hello");
    repo.add(IssueSeed.issue("Crash on start").body("It crashes.").author("alice").labels("bug"));
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void anIssueReadsBackAsSeeded() throws Exception {
    JsonNode issue = client.get("/repos/octo/hello/issues/1").token(token).send().json();

    assertThat(issue.path("number").asInt()).isEqualTo(1);
    assertThat(issue.path("title").asText()).isEqualTo("Crash on start");
    assertThat(issue.path("body").asText()).isEqualTo("It crashes.");
    assertThat(issue.path("user").path("login").asText()).isEqualTo("alice");
    assertThat(issue.path("labels").get(0).path("name").asText()).isEqualTo("bug");
    assertThat(issue.path("state").asText()).isEqualTo("open");
    assertThat(issue.has("pull_request")).isFalse();
    assertThat(issue.path("created_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
  }

  @Test
  void anUnknownIssueIs404() throws Exception {
    FakeClient.Answer answer = client.get("/repos/octo/hello/issues/99").token(token).send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("documentation_url").asText())
        .isEqualTo("https://docs.github.com/rest/issues/issues#get-an-issue");
  }

  @Test
  void commentsMadeWithAnInstallationTokenAreTheBots() throws Exception {
    FakeClient.Answer answer =
        client
            .post("/repos/octo/hello/issues/1/comments")
            .token(token)
            .json("{\"body\":\"Thanks!\"}")
            .send();

    assertThat(answer.status()).isEqualTo(201);
    JsonNode user = answer.json().path("user");
    assertThat(user.path("login").asText()).isEqualTo("agent-orchestrator-test[bot]");
    assertThat(user.path("type").asText()).isEqualTo("Bot");
    assertThat(answer.json().path("performed_via_github_app").path("slug").asText())
        .isEqualTo("agent-orchestrator-test");
    assertThat(answer.header("location")).endsWith("/issues/comments/" + answer.json().path("id"));
    Comment stored = github.comments("octo", "hello", 1).get(0);
    assertThat(stored.author().isBot()).isTrue();
    assertThat(stored.body()).isEqualTo("Thanks!");
  }

  @Test
  void commentsMadeWithAPersonalTokenAreTheUsers() throws Exception {
    JsonNode comment =
        client
            .post("/repos/octo/hello/issues/1/comments")
            .token(github.personalAccessToken("carol"))
            .json("{\"body\":\"me too\"}")
            .send()
            .json();

    assertThat(comment.path("user").path("login").asText()).isEqualTo("carol");
    assertThat(comment.path("user").path("type").asText()).isEqualTo("User");
  }

  @Test
  void listingCommentsHonoursSinceAndPages() throws Exception {
    repo.comment(1, "alice", "first");
    clock.advance(Duration.ofMinutes(40));
    repo.comment(1, "bob", "second");
    repo.comment(1, "bob", "third");

    JsonNode recent =
        client
            .get("/repos/octo/hello/issues/1/comments?since=2026-03-01T12:30:00Z")
            .token(token)
            .send()
            .json();
    FakeClient.Answer page1 =
        client.get("/repos/octo/hello/issues/1/comments?per_page=2").token(token).send();

    assertThat(recent).extracting(c -> c.path("body").asText()).containsExactly("second", "third");
    assertThat(page1.json()).hasSize(2);
    assertThat(page1.header("link")).contains("per_page=2&page=2>; rel=\"next\"", "rel=\"last\"");
  }

  @Test
  void editingACommentChangesItsBodyAndUpdateTime() throws Exception {
    Comment seeded = repo.comment(1, "alice", "draft");
    clock.advance(Duration.ofMinutes(3));

    JsonNode edited =
        client
            .patch("/repos/octo/hello/issues/comments/" + seeded.id())
            .token(token)
            .json("{\"body\":\"final\"}")
            .send()
            .json();

    assertThat(edited.path("body").asText()).isEqualTo("final");
    assertThat(edited.path("updated_at").asText()).isEqualTo("2026-03-01T12:03:00Z");
    assertThat(
            client
                .get("/repos/octo/hello/issues/comments/" + seeded.id())
                .token(token)
                .send()
                .json()
                .path("body")
                .asText())
        .isEqualTo("final");
  }

  @Test
  void labelsAreAddedAndRemoved() throws Exception {
    FakeClient.Answer added =
        client
            .post("/repos/octo/hello/issues/1/labels")
            .token(token)
            .json("{\"labels\":[\"needs-triage\",\"BUG\"]}")
            .send();
    FakeClient.Answer removed =
        client.delete("/repos/octo/hello/issues/1/labels/bug").token(token).send();
    FakeClient.Answer absent =
        client.delete("/repos/octo/hello/issues/1/labels/bug").token(token).send();

    assertThat(added.json())
        .extracting(l -> l.path("name").asText())
        .containsExactly("bug", "needs-triage");
    assertThat(removed.json())
        .extracting(l -> l.path("name").asText())
        .containsExactly("needs-triage");
    assertThat(absent.status()).isEqualTo(404);
    assertThat(absent.json().path("message").asText()).isEqualTo("Label does not exist");
    assertThat(repo.issues().get(1).labels()).containsExactly("needs-triage");
  }

  @Test
  void assigneesAreAdded() throws Exception {
    FakeClient.Answer answer =
        client
            .post("/repos/octo/hello/issues/1/assignees")
            .token(token)
            .json("{\"assignees\":[\"bob\"]}")
            .send();

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().path("assignees").get(0).path("login").asText()).isEqualTo("bob");
    assertThat(repo.issues().get(1).assignees()).containsExactly("bob");
  }

  @Test
  void issuesAreCreatedAndClosed() throws Exception {
    JsonNode created =
        client
            .post("/repos/octo/hello/issues")
            .token(token)
            .json("{\"title\":\"Weekly report\",\"body\":\"…\",\"labels\":[\"report\"]}")
            .send()
            .json();
    int number = created.path("number").asInt();
    JsonNode closed =
        client
            .patch("/repos/octo/hello/issues/" + number)
            .token(token)
            .json("{\"state\":\"closed\",\"state_reason\":\"completed\"}")
            .send()
            .json();

    assertThat(number).isEqualTo(2);
    assertThat(created.path("user").path("login").asText())
        .isEqualTo("agent-orchestrator-test[bot]");
    assertThat(closed.path("state").asText()).isEqualTo("closed");
    assertThat(closed.path("closed_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(repo.issues().get(2).isOpen()).isFalse();
  }

  @Test
  void anEditTheFakeDoesNotModelFailsTheTestInsteadOfVanishing() throws Exception {
    client.patch("/repos/octo/hello/issues/1").token(token).json("{\"milestone\":3}").send();

    assertThat(github.problems()).singleElement().asString().contains("\"milestone\"");
    github.log().clear();
  }
}
