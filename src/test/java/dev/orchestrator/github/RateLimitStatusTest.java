package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitStatusTest {
  /** GitHub's documented example of {@code GET /rate_limit}, trimmed to three resources. */
  static final String EXAMPLE =
      "{\"resources\":{\"core\":{\"limit\":5000,\"used\":1,\"remaining\":4999,\"reset\":1691591363},"
          + "\"search\":{\"limit\":30,\"used\":12,\"remaining\":18,\"reset\":1691591091},"
          + "\"graphql\":{\"limit\":5000,\"used\":7,\"remaining\":4993,\"reset\":1691593228}},"
          + "\"rate\":{\"limit\":5000,\"used\":1,\"remaining\":4999,\"reset\":1372700873}}";

  @TempDir Path dir;

  @Test
  void appModeAsksWithTheInstallationsTokenAndReadsEveryResource() {
    try (Fixture f = Fixture.app(dir)) {
      f.api.route("GET", "/rate_limit", r -> LoopbackApi.Reply.json(200, EXAMPLE));

      GitHubResult<List<RateLimits.Snapshot>> result =
          f.access.rateLimitStatus(OptionalLong.of(Fixture.INSTALLATION));

      List<RateLimits.Snapshot> snapshots = result.orElseThrow();
      assertThat(snapshots)
          .extracting(RateLimits.Snapshot::resource)
          .containsExactly("core", "graphql", "search");
      RateLimits.Snapshot core = snapshots.get(0);
      assertThat(core.lane()).isEqualTo("installation:" + Fixture.INSTALLATION);
      assertThat(core.limit()).isEqualTo(5000);
      assertThat(core.remaining()).isEqualTo(4999);
      assertThat(core.used()).hasValue(1);
      assertThat(core.resetAt()).isEqualTo(Instant.ofEpochSecond(1691591363));
      List<LoopbackApi.Received> asked = f.api.requests("GET", "/rate_limit");
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0).header("Authorization")).isEqualTo("Bearer ghs_77_1");
      assertThat(f.api.unknown()).isEmpty();
    }
  }

  @Test
  void tokenModeAsksWithTheToken() {
    try (Fixture f = Fixture.token("ghp_abc")) {
      f.api.route("GET", "/rate_limit", r -> LoopbackApi.Reply.json(200, EXAMPLE));
      assertThat(f.access.rateLimitStatus(OptionalLong.empty()).orElseThrow()).hasSize(3);
      assertThat(f.api.requests("GET", "/rate_limit").get(0).header("Authorization"))
          .isEqualTo("Bearer ghp_abc");
    }
  }

  @Test
  void appModeWithoutAnInstallationAsksNothing() {
    try (Fixture f = Fixture.app(dir)) {
      GitHubResult<List<RateLimits.Snapshot>> result =
          f.access.rateLimitStatus(OptionalLong.empty());
      assertThat(result.isOk()).isFalse();
      assertThat(result.describe()).contains("with an installation's token");
      assertThat(f.api.log()).isEmpty();
    }
  }

  @Test
  void aRefusalIsAFailureWithItsStatus() {
    try (Fixture f = Fixture.token("ghp_revoked")) {
      f.api.route(
          "GET",
          "/rate_limit",
          r -> LoopbackApi.Reply.json(401, "{\"message\":\"Bad credentials\"}"));
      GitHubResult<List<RateLimits.Snapshot>> result =
          f.access.rateLimitStatus(OptionalLong.empty());
      assertThat(result).isInstanceOf(GitHubResult.Failed.class);
      assertThat(((GitHubResult.Failed<?>) result).status()).isEqualTo(401);
    }
  }
}
