package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How a response is read for rate limits, in the order GitHub's documentation gives. */
class ThrottleTest {
  private static final Instant RESET = Instant.parse("2025-06-01T13:00:00Z");

  private static GitHubResponse response(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> h = new TreeMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new GitHubResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Throttle read(int status, String body, Map<String, String> headers) {
    return Throttle.of(response(status, body, headers), "core");
  }

  @Test
  void retryAfterComesFirstAndIsInSeconds() {
    Map<String, String> h = new TreeMap<>(Replies.limits("core", 5000, 0, RESET));
    h.put("retry-after", "30");
    assertThat(read(403, Replies.SECONDARY_MESSAGE, h))
        .isEqualTo(new Throttle.Secondary(Optional.of(Duration.ofSeconds(30))));
    assertThat(read(429, "", Map.of("Retry-After", "7")))
        .isEqualTo(new Throttle.Secondary(Optional.of(Duration.ofSeconds(7))));
  }

  @Test
  void noneRemainingMeansThePrimaryLimitOfTheNamedResourceUntilTheReset() {
    assertThat(read(403, Replies.PRIMARY_MESSAGE, Replies.limits("search", 30, 0, RESET)))
        .isEqualTo(new Throttle.Exhausted("search", RESET));
    Map<String, String> noResource = new TreeMap<>(Replies.limits("core", 60, 0, RESET));
    noResource.remove("x-ratelimit-resource");
    assertThat(Throttle.of(response(429, "", noResource), "search"))
        .isEqualTo(new Throttle.Exhausted("search", RESET));
  }

  @Test
  void theBodyTellsASecondaryLimitWithoutHeaders() {
    assertThat(read(403, Replies.SECONDARY_MESSAGE, Replies.limits("core", 5000, 12, RESET)))
        .isEqualTo(new Throttle.Secondary(Optional.empty()));
    assertThat(
            read(
                403,
                "{\"message\":\"You have triggered an abuse detection mechanism.\"}",
                Map.of()))
        .isEqualTo(new Throttle.Secondary(Optional.empty()));
    assertThat(read(429, "{}", Map.of())).isEqualTo(new Throttle.Secondary(Optional.empty()));
    assertThat(read(403, "{}", Map.of("x-ratelimit-remaining", "0")))
        .isEqualTo(new Throttle.Secondary(Optional.empty())); // spent, reset unknown
  }

  @Test
  void otherAnswersAreNotThrottled() {
    assertThat(
            read(
                403,
                "{\"message\":\"Resource not accessible by integration\"}",
                Replies.limits("core", 5000, 4000, RESET)))
        .isEqualTo(new Throttle.None());
    assertThat(read(200, "{}", Replies.limits("core", 5000, 0, RESET)))
        .isEqualTo(new Throttle.None()); // the last request of the window still went through
    assertThat(read(404, Replies.SECONDARY_MESSAGE, Map.of())).isEqualTo(new Throttle.None());
    assertThat(read(403, "{}", Map.of("retry-after", "soon"))).isEqualTo(new Throttle.None());
  }
}
