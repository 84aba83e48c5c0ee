package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultRule;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of misbehaviour a test can make the fake show. */
class FaultInjectionTest {
  private static final String COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
  private static final Duration LONG = Duration.ofSeconds(30);
  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T12:00:00Z"));
  private FakeGitHub github;
  private FakeClient client;
  private String token;

  @BeforeEach
  void start() {
    github = FakeGitHub.builder().clock(clock).start();
    github.repo("octo", "hello").add(IssueSeed.issue("Crash on start"));
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  private FakeClient.Answer getIssue() throws Exception {
    return client.get("/repos/octo/hello/issues/1").token(token).send();
  }

  private FakeClient.Req postComment(String body) {
    return client
        .post("/repos/octo/hello/issues/1/comments")
        .token(token)
        .json("{\"body\":\"" + body + "\"}");
  }

  @Test
  void aStatusFaultHitsTheNextNRequestsOnly() throws Exception {
    FaultRule rule =
        github.faults().on("GET", "/repos/octo/hello/issues/*").times(2, Fault.status(503));

    assertThat(getIssue().status()).isEqualTo(503);
    assertThat(getIssue().json().path("message").asText()).isEqualTo("Server Error");
    assertThat(getIssue().status()).isEqualTo(200);
    assertThat(rule.hits()).isEqualTo(2);
  }

  @Test
  void badGatewayComesWithAnHtmlBody() throws Exception {
    github
        .faults()
        .on("GET", "/repos/{owner}/{repo}/issues/{issue_number}")
        .once(Fault.badGateway());

    FakeClient.Answer answer = getIssue();

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.header("content-type")).startsWith("text/html");
    assertThat(answer.body()).contains("<h1>502 Bad Gateway</h1>");
  }

  @Test
  void aFaultWindowFollowsTheFakeClock() throws Exception {
    github.faults().on("*", "/repos/octo/**").during(Duration.ofMinutes(1), Fault.status(500));

    assertThat(getIssue().status()).isEqualTo(500);
    assertThat(postComment("x").send().status()).isEqualTo(500);
    clock.advance(Duration.ofMinutes(1));
    assertThat(getIssue().status()).isEqualTo(200);
  }

  @Test
  void aSlowAnswerRunsIntoTheClientsTimeout() throws Exception {
    github.faults().on("GET", "/repos/octo/hello/issues/1").once(Fault.slow(LONG));

    assertThatThrownBy(
            () ->
                client
                    .get("/repos/octo/hello/issues/1")
                    .token(token)
                    .timeout(CLIENT_TIMEOUT)
                    .send())
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(getIssue().status()).isEqualTo(200);
  }

  @Test
  void aSlowAnswerThatFinishesInTimeIsAnsweredNormally() throws Exception {
    github.faults().on("GET", "/repos/octo/hello/issues/1").once(Fault.slow(Duration.ofMillis(50)));

    FakeClient.Answer answer = getIssue();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(github.requests("GET", "/repos/octo/hello/issues/1").get(0).outcome())
        .isEqualTo("delayed PT0.05S");
  }

  @Test
  void primaryExhaustionIs403WithRemainingZeroAndReset() throws Exception {
    github.faults().on("GET", "/repos/octo/hello/issues/1").once(Fault.primaryRateLimit());

    FakeClient.Answer answer = getIssue();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(answer.header("x-ratelimit-reset"))
        .isEqualTo(Long.toString(clock.instant().plus(Duration.ofHours(1)).getEpochSecond()));
    assertThat(answer.json().path("message").asText())
        .isEqualTo("API rate limit exceeded for installation ID 1.");
    assertThat(answer.json().path("documentation_url").asText()).contains("rate-limits");
  }

  @Test
  void secondaryLimitWithRetryAfter() throws Exception {
    github
        .faults()
        .on("POST", COMMENTS)
        .once(Fault.secondaryRateLimit(429, Duration.ofSeconds(60)));

    FakeClient.Answer answer = postComment("x").send();

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.header("retry-after")).isEqualTo("60");
    assertThat(Integer.parseInt(answer.header("x-ratelimit-remaining"))).isPositive();
    assertThat(github.comments("octo", "hello", 1)).isEmpty();
  }

  @Test
  void secondaryLimitWithoutRetryAfterHasOnlyTheMessage() throws Exception {
    github.faults().on("POST", COMMENTS).once(Fault.secondaryRateLimit(403));

    FakeClient.Answer answer = postComment("x").send();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("retry-after")).isNull();
    assertThat(answer.json().path("message").asText())
        .startsWith("You have exceeded a secondary rate limit");
  }

  @Test
  void anExpiredTokenFaultIs401BadCredentials() throws Exception {
    github.faults().on("GET", "/repos/octo/hello/issues/1").once(Fault.expiredToken());

    FakeClient.Answer answer = getIssue();

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("message").asText()).isEqualTo("Bad credentials");
    assertThat(getIssue().status()).isEqualTo(200);
  }

  @Test
  void applyThenDropWritesTheCommentButTheClientGetsNoAnswer() throws Exception {
    github.faults().on("POST", COMMENTS).once(Fault.applyThenDrop());

    assertThatThrownBy(() -> postComment("once").send()).isInstanceOf(IOException.class);

    assertThat(github.comments("octo", "hello", 1))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).isEqualTo("once"));
    assertThat(github.requests("POST", "/repos/octo/hello/issues/1/comments"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(201);
              assertThat(r.outcome()).isEqualTo("dropped");
            });
  }

  @Test
  void applyThenDelayWritesTheCommentButTheClientTimesOut() throws Exception {
    github.faults().on("POST", COMMENTS).once(Fault.applyThenDelay(LONG));

    assertThatThrownBy(() -> postComment("once").timeout(CLIENT_TIMEOUT).send())
        .isInstanceOf(HttpTimeoutException.class);

    // on a busy machine the client may give up before the route has even run: wait for it
    Await.until("the comment to be written", () -> github.comments("octo", "hello", 1).size() == 1);
    Await.until(
        "the request to be logged",
        () -> !github.requests("POST", "/repos/octo/hello/issues/1/comments").isEmpty());
    assertThat(github.requests("POST", "/repos/octo/hello/issues/1/comments").get(0).outcome())
        .isEqualTo("delayed PT30S");
  }
}
