package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizedClientTest {
  private final Fixture f = Fixture.token("tok");
  private final Fixture other = Fixture.token("unused");

  @AfterEach
  void stop() {
    f.close();
    other.close();
  }

  @Test
  void theTokenIsSentOnlyUnderTheApiRoot() {
    other.api.route("GET", "/elsewhere", r -> LoopbackApi.Reply.json(200, "{}"));
    AuthorizedClient client =
        new AuthorizedClient(
            f.transport, f.api.uri().resolve("/api/v3"), TokenSource.fixed(Secret.of("tok")));
    URI foreign = other.api.uri().resolve("/elsewhere");
    assertThat(client.send(GitHubRequest.get(foreign.toString())))
        .isInstanceOf(Exchange.Answered.class);
    assertThat(other.api.log()).hasSize(1);
    assertThat(other.api.log().get(0).header("Authorization")).isNull();
  }

  @Test
  void theResourceARequestCountsAgainstFollowsItsPathUnderTheRoot() {
    AuthorizedClient ghes =
        new AuthorizedClient(
            f.transport,
            URI.create("https://ghe.example/api/v3"),
            TokenSource.fixed(Secret.of("t")));
    assertThat(ghes.resource(URI.create("https://ghe.example/api/v3/search/issues?q=x")))
        .isEqualTo("search");
    assertThat(ghes.resource(URI.create("https://ghe.example/api/v3/search/code?q=x")))
        .isEqualTo("code_search");
    assertThat(ghes.resource(URI.create("https://ghe.example/api/v3/repos/search/search/issues")))
        .isEqualTo("core");
    assertThat(ghes.resource(URI.create("https://elsewhere.example/search/issues")))
        .isEqualTo("core");
  }

  @Test
  void rateLimitHeadersAreKeptPerLaneAndResourceAndAbsentMeansUnknown() {
    f.api.route(
        "GET",
        "/search/issues",
        r ->
            LoopbackApi.Reply.json(
                200,
                "{\"total_count\":0,\"items\":[]}",
                Map.of(
                    "x-ratelimit-limit", "30",
                    "x-ratelimit-remaining", "29",
                    "x-ratelimit-used", "1",
                    "x-ratelimit-reset", "1748780000",
                    "x-ratelimit-resource", "search")));
    f.api.route(
        "GET",
        "/repos/octo/repo/issues/comments/5",
        r -> LoopbackApi.Reply.json(200, TransportTest.comment(5, "x")));
    f.gateway().searchIssues(Fixture.REPO, "is:open", 10).orElseThrow();
    f.gateway().getComment(Fixture.REPO, 5).orElseThrow(); // no headers, as on GHES with limits off
    RateLimits.Snapshot search = f.access.rateLimits().get("token", "search").orElseThrow();
    assertThat(search.limit()).isEqualTo(30);
    assertThat(search.remaining()).isEqualTo(29);
    assertThat(f.access.rateLimits().get("token", "core")).isEmpty();
  }
}
