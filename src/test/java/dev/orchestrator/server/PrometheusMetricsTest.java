package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.github.RateLimits;
import dev.orchestrator.github.RequestObserver;
import dev.orchestrator.health.RunCounts;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.StoreException;
import dev.orchestrator.testing.PrometheusText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The registry on its own: the run histogram, GitHub's figures, and sources that fail. */
class PrometheusMetricsTest {
  private static final RunCounts NO_RUNS =
      new RunCounts() {
        @Override
        public Map<MissionStatus, Long> byMissionAndStatus() {
          return Map.of();
        }

        @Override
        public Map<Integer, Long> queuedByPriority() {
          return Map.of();
        }
      };

  @Test
  void runDurationsFormAHistogramPerMissionAndStatus() {
    try (PrometheusMetrics m = new PrometheusMetrics(sources(NO_RUNS, List.of()))) {
      m.finished("issue-triage", RunStatus.SUCCEEDED, 0.4);
      m.finished("issue-triage", RunStatus.SUCCEEDED, 12.5);
      m.finished("issue-triage", RunStatus.FAILED, 700);
      PrometheusText t = PrometheusText.parse(m.scrape());
      assertThat(t.type("agent_run_duration_seconds")).isEqualTo("histogram");
      String b = "agent_run_duration_seconds_bucket";
      assertThat(t.value(b, "le", "1.0", "mission", "issue-triage", "status", "SUCCEEDED"))
          .isEqualTo(1);
      assertThat(t.value(b, "le", "15.0", "mission", "issue-triage", "status", "SUCCEEDED"))
          .isEqualTo(2);
      assertThat(t.value(b, "le", "600.0", "mission", "issue-triage", "status", "FAILED")).isZero();
      assertThat(t.value(b, "le", "1800.0", "mission", "issue-triage", "status", "FAILED"))
          .isEqualTo(1);
      assertThat(
              t.value(
                  "agent_run_duration_seconds_count",
                  "mission",
                  "issue-triage",
                  "status",
                  "SUCCEEDED"))
          .isEqualTo(2);
      assertThat(
              t.value(
                  "agent_run_duration_seconds_sum",
                  "mission",
                  "issue-triage",
                  "status",
                  "SUCCEEDED"))
          .isEqualTo(12.9, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void gitHubRequestsAndRateLimitsPerLaneAndResource() {
    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    List<RateLimits.Snapshot> limits =
        List.of(
            new RateLimits.Snapshot(
                "installation:77", "core", 5000, 4990, OptionalLong.of(10), now, now),
            new RateLimits.Snapshot(
                "installation:77", "search", 30, 29, OptionalLong.empty(), now, now));
    try (PrometheusMetrics m = new PrometheusMetrics(sources(NO_RUNS, limits))) {
      m.attempted("GET", "200");
      m.attempted("GET", "200");
      m.attempted("POST", RequestObserver.TIMEOUT);
      PrometheusText t = PrometheusText.parse(m.scrape());
      String requests = "agent_github_requests_total";
      assertThat(t.value(requests, "method", "GET", "status", "200")).isEqualTo(2);
      assertThat(t.value(requests, "method", "POST", "status", "timeout")).isEqualTo(1);
      String remaining = "agent_github_rate_limit_remaining";
      assertThat(t.value(remaining, "lane", "installation:77", "resource", "core")).isEqualTo(4990);
      assertThat(t.value(remaining, "lane", "installation:77", "resource", "search")).isEqualTo(29);
      assertThat(
              t.value(
                  "agent_github_rate_limit_limit", "lane", "installation:77", "resource", "core"))
          .isEqualTo(5000);
    }
  }

  @Test
  void aFailingSourceEmptiesItsGaugeAndTheScrapeStillAnswers() {
    RunCounts broken =
        new RunCounts() {
          @Override
          public Map<MissionStatus, Long> byMissionAndStatus() {
            throw new StoreException("reading \"agent.db\": disk I/O error");
          }

          @Override
          public Map<Integer, Long> queuedByPriority() {
            throw new StoreException("reading \"agent.db\": disk I/O error");
          }
        };
    try (PrometheusMetrics m = new PrometheusMetrics(sources(broken, List.of()))) {
      m.delivery("issues", "accepted");
      PrometheusText t = PrometheusText.parse(m.scrape());
      assertThat(t.has("agent_runs")).isFalse();
      assertThat(t.has("agent_queue_depth")).isFalse();
      assertThat(
              t.value("agent_webhook_deliveries_total", "event", "issues", "outcome", "accepted"))
          .isEqualTo(1);
      assertThat(t.has("jvm_memory_used_bytes")).isTrue();
    }
  }

  private static MetricsSources sources(RunCounts runs, List<RateLimits.Snapshot> limits) {
    return new MetricsSources(runs, List::of, () -> limits);
  }
}
