package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate-limit headers on every answer, conditional requests, and a spent limit. */
class RateLimitTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final MutableClock clock = MutableClock.at(T0);
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

  @Test
  void everyAnswerCarriesTheFiveHeadersAndCountsDown() throws Exception {
    FakeClient.Answer first = client.get("/repos/octo/hello/issues/1").token(token).send();
    FakeClient.Answer second = client.get("/repos/octo/hello").token(token).send();

    assertThat(first.header("x-ratelimit-limit")).isEqualTo("5000");
    assertThat(first.header("x-ratelimit-remaining")).isEqualTo("4999");
    assertThat(first.header("x-ratelimit-used")).isEqualTo("1");
    assertThat(first.header("x-ratelimit-reset"))
        .isEqualTo(Long.toString(T0.plus(Duration.ofHours(1)).getEpochSecond()));
    assertThat(first.header("x-ratelimit-resource")).isEqualTo("core");
    assertThat(second.header("x-ratelimit-remaining")).isEqualTo("4998");
  }

  @Test
  void searchCountsAgainstItsOwnResource() throws Exception {
    FakeClient.Answer search =
        client.get("/search/issues?q=repo:octo/hello+is:open").token(token).send();

    assertThat(search.header("x-ratelimit-resource")).isEqualTo("search");
    assertThat(search.header("x-ratelimit-limit")).isEqualTo("30");
    assertThat(search.header("x-ratelimit-remaining")).isEqualTo("29");
  }

  @Test
  void aRepeatedConditionalGetIs304WithoutBodyAndCostsNothing() throws Exception {
    FakeClient.Answer first = client.get("/repos/octo/hello/issues/1").token(token).send();
    String etag = first.header("etag");

    FakeClient.Answer again =
        client.get("/repos/octo/hello/issues/1").token(token).header("If-None-Match", etag).send();

    assertThat(etag).startsWith("W/\"");
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.header("etag")).isEqualTo(etag);
    assertThat(again.header("x-ratelimit-remaining")).isEqualTo("4999");
  }

  @Test
  void aChangedResourceGets200AndANewEtag() throws Exception {
    String etag = client.get("/repos/octo/hello/issues/1").token(token).send().header("etag");
    github.repo("octo", "hello").comment(1, "alice", "me too");

    FakeClient.Answer after =
        client.get("/repos/octo/hello/issues/1").token(token).header("If-None-Match", etag).send();

    assertThat(after.status()).isEqualTo(200);
    assertThat(after.header("etag")).isNotEqualTo(etag);
    assertThat(after.header("x-ratelimit-remaining")).isEqualTo("4998");
  }

  @Test
  void aSpentLimitIs403UntilTheWindowResets() throws Exception {
    github.rateLimits().setLimit("core", 2);
    client.get("/repos/octo/hello").token(token).send();
    client.get("/repos/octo/hello").token(token).send();

    FakeClient.Answer spent = client.get("/repos/octo/hello").token(token).send();

    assertThat(spent.status()).isEqualTo(403);
    assertThat(spent.header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(spent.json().path("message").asText())
        .isEqualTo("API rate limit exceeded for installation ID 1.");
    clock.advance(Duration.ofHours(1));
    FakeClient.Answer fresh =
        client.get("/repos/octo/hello").token(github.installationToken(1)).send();
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.header("x-ratelimit-remaining")).isEqualTo("1");
  }

  @Test
  void aRefreshedTokenKeepsTheInstallationsSpentBudget() throws Exception {
    client.get("/repos/octo/hello").token(token).send();

    FakeClient.Answer other =
        client.get("/repos/octo/hello").token(github.installationToken(1)).send();

    assertThat(other.header("x-ratelimit-remaining")).isEqualTo("4998");
  }

  @Test
  void rateLimitReportsWithoutCounting() throws Exception {
    client.get("/repos/octo/hello").token(token).send();

    FakeClient.Answer answer = client.get("/rate_limit").token(token).send();

    assertThat(answer.json().path("resources").path("core").path("remaining").asInt())
        .isEqualTo(4999);
    assertThat(answer.json().path("rate").path("used").asInt()).isEqualTo(1);
    assertThat(answer.json().path("resources").path("search").path("limit").asInt()).isEqualTo(30);
    assertThat(answer.header("x-ratelimit-remaining")).isEqualTo("4999");
  }
}
