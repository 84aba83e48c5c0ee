package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The snapshot API that {@code status} and metrics read. */
class RateLimitsTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final RateLimits limits = new RateLimits(clock);
  private final Instant soon = clock.instant().plus(Duration.ofMinutes(30));

  private void observe(String lane, String resource, long limit, long remaining, Instant reset) {
    Map<String, List<String>> h = new TreeMap<>();
    Replies.limits(resource, limit, remaining, reset).forEach((k, v) -> h.put(k, List.of(v)));
    limits.observe(lane, new GitHubResponse(200, h, "{}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eachLaneAndResourceIsKeptApartAndListedInOrder() {
    observe("installation:78", "core", 5000, 4000, soon);
    observe("installation:77", "search", 30, 29, soon);
    observe("installation:77", "core", 5000, 4990, soon);
    assertThat(limits.snapshot())
        .extracting(s -> s.lane() + " " + s.resource() + " " + s.remaining())
        .containsExactly(
            "installation:77 core 4990", "installation:77 search 29", "installation:78 core 4000");
    RateLimits.Snapshot s = limits.get("installation:77", "core").orElseThrow();
    assertThat(s.used()).hasValue(10);
    assertThat(s.resetAt()).isEqualTo(Instant.ofEpochSecond(soon.getEpochSecond()));
    assertThat(s.observedAt()).isEqualTo(clock.instant());
  }

  @Test
  void theLowestShareLeftIsReportedPerResourceAmongCurrentWindows() {
    observe("installation:77", "core", 5000, 2500, soon); // 50 %
    observe("installation:78", "core", 5000, 400, soon); // 8 %
    observe("token", "core", 1000, 10, clock.instant().minusSeconds(1)); // already reset
    observe("installation:77", "search", 30, 3, soon);
    Map<String, RateLimits.Snapshot> lowest = limits.lowestByResource();
    assertThat(lowest.keySet()).containsExactly("core", "search");
    assertThat(lowest.get("core").lane()).isEqualTo("installation:78");
    assertThat(lowest.get("core").remainingRatio()).isEqualTo(0.08);
    assertThat(limits.lowest("search").orElseThrow().remaining()).isEqualTo(3);

    clock.set(soon); // every window has reset: nothing is low any more
    assertThat(limits.lowestByResource()).isEmpty();
    assertThat(limits.snapshot()).hasSize(4); // still listed as last reported
  }

  @Test
  void aResponseWithoutTheHeadersChangesNothing() {
    observe("token", "core", 5000, 4990, soon);
    limits.observe("token", new GitHubResponse(200, Map.of(), new byte[0]));
    assertThat(limits.get("token", "core").orElseThrow().remaining()).isEqualTo(4990);
    assertThat(limits.get("token", "search")).isEmpty();
  }
}
