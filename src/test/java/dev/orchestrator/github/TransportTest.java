package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssue;

class TransportTest {
  static final String REPO_JSON =
      "{\"id\":1,\"name\":\"repo\",\"full_name\":\"octo/repo\",\"default_branch\":\"main\","
          + "\"owner\":{\"login\":\"octo\",\"id\":2,\"type\":\"Organization\"},"
          + "\"url\":\"URL/repos/octo/repo\",\"html_url\":\"https://github.com/octo/repo\"}";
  static final String ISSUE_JSON =
      "{\"id\":9,\"number\":1,\"title\":\"Crash\",\"body\":\"it crashes\",\"state\":\"open\","
          + "\"labels\":[{\"name\":\"bug\"}],\"assignees\":[{\"login\":\"bob\"}],"
          + "\"user\":{\"login\":\"alice\"},\"html_url\":\"https://github.com/octo/repo/issues/1\"}";
  private static final String COMMENTS = "/repos/octo/repo/issues/1/comments";
  private static final String COMMENT = "/repos/octo/repo/issues/comments/5";

  private Fixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      assertThat(f.api.unknown()).isEmpty();
      f.close();
    }
  }

  @Test
  void everyRequestCarriesUserAgentAcceptApiVersionAndTheToken() {
    f = Fixture.token("tok-123");
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.json(200, comment(5, "hi")));
    f.api.route("GET", "/repos/octo/repo", r -> LoopbackApi.Reply.json(200, repoJson()));
    f.api.route("GET", "/repos/octo/repo/issues/1", r -> LoopbackApi.Reply.json(200, ISSUE_JSON));
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue(); // direct
    assertThat(f.gateway().defaultBranch(Fixture.REPO).orElseThrow()).isEqualTo("main"); // kohsuke
    Issue issue = f.gateway().getIssue(Fixture.REPO, 1).orElseThrow(); // direct
    assertThat(issue.labels()).containsExactly("bug");
    assertThat(issue.assignees()).containsExactly("bob");
    assertThat(f.api.log()).hasSize(3);
    for (LoopbackApi.Received r : f.api.log()) {
      assertThat(r.header("User-Agent")).isEqualTo("agent-orchestrator/0.1");
      assertThat(r.header("Accept")).isEqualTo("application/vnd.github+json");
      assertThat(r.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
      assertThat(r.header("Authorization")).isEqualTo("Bearer tok-123");
    }
  }

  @Test
  void aGetAnswered502IsRetriedWithJitteredBackoffAndSucceeds() {
    f = Fixture.token("tok");
    AtomicInteger calls = new AtomicInteger();
    f.api.route(
        "GET",
        COMMENT,
        r ->
            calls.incrementAndGet() < 3
                ? LoopbackApi.Reply.json(502, "{\"message\":\"Server Error\"}")
                : LoopbackApi.Reply.json(200, comment(5, "hi")));
    Instant start = f.clock.instant();
    assertThat(f.gateway().getComment(Fixture.REPO, 5).orElseThrow().id()).isEqualTo(5);
    assertThat(f.api.requests("GET", COMMENT)).hasSize(3);
    // base 1 s doubling, jitter 0.5 → 75 % of each step: 750 ms, then 1500 ms later
    assertThat(f.waiter.waits())
        .containsExactly(start.plusMillis(750), start.plusMillis(750 + 1500));
  }

  @Test
  void aGetThatKeepsFailingIsReportedAfterThreeTries() {
    f = Fixture.token("tok");
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.json(502, "{\"message\":\"Bad Gateway\"}"));
    GitHubResult<Comment> r = f.gateway().getComment(Fixture.REPO, 5);
    assertThat(r)
        .isEqualTo(
            new GitHubResult.Failed<Comment>(
                502, "getting comment 5 in \"octo/repo\": 502 from GitHub: bad gateway", true));
    assertThat(f.api.requests("GET", COMMENT)).hasSize(3);
  }

  @Test
  void aGetWithoutAnswerTimesOutOnEachTryAndIsNotPerformed() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.hanging());
    GitHubResult<Comment> r = f.gateway().getComment(Fixture.REPO, 5);
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(r.infrastructure()).isTrue();
    assertThat(r.describe()).endsWith("no answer within 400 ms after 3 tries");
    assertThat(f.api.requests("GET", COMMENT)).hasSize(3);
  }

  @Test
  void aPostThatTimesOutIsAnUnknownOutcomeAndSentExactlyOnce() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    f.api.route("POST", COMMENTS, r -> LoopbackApi.Reply.hanging());
    f.api.route("GET", COMMENTS, r -> LoopbackApi.Reply.json(200, "[]"));
    GitHubResult<Comment> r = f.gateway().createComment(Fixture.REPO, 1, "no marker here");
    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.describe())
        .isEqualTo(
            "posting a comment on \"octo/repo#1\": POST /repos/octo/repo/issues/1/comments: "
                + "no answer within 400 ms (outcome unknown)");
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(1);
    assertThat(f.api.requests("GET", COMMENTS)).isEmpty(); // no marker: nothing to look for
  }

  @Test
  void aPostAnswered502IsAnUnknownOutcomeAndNotRetried() {
    f = Fixture.token("tok");
    f.api.route(
        "POST", COMMENTS, r -> LoopbackApi.Reply.json(502, "{\"message\":\"Bad Gateway\"}"));
    GitHubResult<Comment> r = f.gateway().createComment(Fixture.REPO, 1, "hello");
    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.infrastructure()).isTrue();
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(1);
  }

  @Test
  void kohsukeNeverResendsAPostThatTimedOut() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    f.api.route("GET", "/repos/octo/repo", r -> LoopbackApi.Reply.json(200, repoJson()));
    f.api.route("POST", "/repos/octo/repo/issues", r -> LoopbackApi.Reply.hanging());
    GitHubResult<GHIssue> r = kohsukeCreatesAnIssue();
    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.describe()).startsWith("creating an issue through kohsuke: ");
    assertThat(f.api.requests("POST", "/repos/octo/repo/issues")).hasSize(1);
  }

  @Test
  void kohsukeReportsAPostAnswered502AsUnknownAndSendsItOnce() {
    f = Fixture.token("tok");
    f.api.route("GET", "/repos/octo/repo", r -> LoopbackApi.Reply.json(200, repoJson()));
    f.api.route("POST", "/repos/octo/repo/issues", r -> LoopbackApi.Reply.json(502, "{}"));
    GitHubResult<GHIssue> r = kohsukeCreatesAnIssue();
    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(f.api.requests("POST", "/repos/octo/repo/issues")).hasSize(1);
  }

  @Test
  void aDirectPostOfAnIssueThatTimedOutIsSentOnce() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    f.api.route("POST", "/repos/octo/repo/issues", r -> LoopbackApi.Reply.hanging());
    GitHubResult<Issue> r =
        f.gateway().createIssue(Fixture.REPO, "Flaky test", "seen twice", List.of("bug"));
    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.describe()).startsWith("creating an issue in \"octo/repo\": ");
    assertThat(f.api.requests("POST", "/repos/octo/repo/issues")).hasSize(1);
  }

  @Test
  void aMarkedCommentWhoseAnswerWasLostIsFoundInsteadOfPostedTwice() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    List<String> stored = new CopyOnWriteArrayList<>();
    f.api.route(
        "POST",
        COMMENTS,
        r -> {
          stored.add(comment(100 + stored.size(), body(r)));
          return LoopbackApi.Reply.hanging(); // GitHub made it, the answer never came
        });
    f.api.route(
        "GET", COMMENTS, r -> LoopbackApi.Reply.json(200, "[" + String.join(",", stored) + "]"));
    String body = "Working on it.\n<!-- agent-run:42 -->";
    Comment c = f.gateway().createComment(Fixture.REPO, 1, body).orElseThrow();
    assertThat(c.id()).isEqualTo(100);
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(1);
  }

  @Test
  void aMarkedCommentWithUnknownOutcomeIsLookedUpBeforeItIsWrittenAgain() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    List<String> visible = new CopyOnWriteArrayList<>();
    f.api.route("POST", COMMENTS, r -> LoopbackApi.Reply.hanging());
    f.api.route(
        "GET", COMMENTS, r -> LoopbackApi.Reply.json(200, "[" + String.join(",", visible) + "]"));
    String body = "result\n<!-- agent-out:42:3 -->";
    assertThat(f.gateway().createComment(Fixture.REPO, 1, body))
        .isInstanceOf(GitHubResult.OutcomeUnknown.class);
    visible.add(comment(7, body)); // it had been made after all, and now shows up
    assertThat(f.gateway().createComment(Fixture.REPO, 1, body).orElseThrow().id()).isEqualTo(7);
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(1);
  }

  @Test
  void theConnectTimeoutIsHonoured() throws IOException {
    // a listening socket whose accept queue is full: the kernel drops further SYNs
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket s = new Socket();
          try {
            s.connect(full.getLocalSocketAddress(), 200);
            fillers.add(s);
          } catch (IOException queueFull) {
            s.close();
            break;
          }
        }
        f = Fixture.token("tok", Fixture.shortTimeouts());
        HttpCall call =
            new HttpCall(
                "POST",
                URI.create("http://127.0.0.1:" + full.getLocalPort() + "/repos/octo/repo/issues"),
                Map.of(),
                Optional.of(new byte[] {'{', '}'}),
                false,
                "token");
        Exchange e = f.transport.send(call);
        // never connected, so even a POST is known not to have happened (and was tried 3 times)
        assertThat(e).isInstanceOf(Exchange.NotPerformed.class);
        assertThat(e.describe()).contains("no connection within 500 ms after 3 tries");
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  static String comment(long id, String body) {
    return "{\"id\":"
        + id
        + ",\"body\":"
        + Json.MAPPER.valueToTree(body)
        + ",\"user\":{\"login\":\"agent[bot]\",\"type\":\"Bot\"},"
        + "\"created_at\":\"2025-06-01T11:00:00Z\",\"updated_at\":\"2025-06-01T11:00:00Z\","
        + "\"html_url\":\"https://github.com/octo/repo/issues/1#issuecomment-"
        + id
        + "\"}";
  }

  private static String body(LoopbackApi.Received r) {
    try {
      return Json.MAPPER.readTree(r.body()).path("body").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** kohsuke's own write path over our transport (the gateway itself uses direct calls). */
  private GitHubResult<GHIssue> kohsukeCreatesAnIssue() {
    Clients clients = Clients.token(f.transport, f.api.uri(), Secret.of("tok"), f.clock);
    AuthorizedClient client = clients.forRepo(Fixture.REPO, "test").orElseThrow();
    return Calls.kohsuke(
        "creating an issue through kohsuke",
        () ->
            clients
                .repository(client, Fixture.REPO)
                .createIssue("Flaky test")
                .body("seen twice")
                .label("bug")
                .create());
  }

  private String repoJson() {
    return REPO_JSON.replace("URL", f.api.uri().toString());
  }
}
