package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.PrometheusText;
import dev.orchestrator.testing.QueuedRun;
import dev.orchestrator.testing.ServerHarness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} from the real server: Prometheus text whose figures follow what happens. */
class MetricsEndpointTest {
  private static final String DELIVERIES = "agent_webhook_deliveries_total";

  @TempDir Path dir;
  private ServerHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private PrometheusText scrape() {
    HttpResponse<String> r = harness.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    return PrometheusText.parse(r.body());
  }

  @Test
  void deliveryCountersMoveByExactlyWhatWasAnswered() {
    harness = ServerHarness.start(dir, Map.of());
    PrometheusText before = scrape();
    byte[] body = Payloads.bytes("issues.opened");
    int n = 7;
    String last = null;
    for (int i = 0; i < n; i++) {
      last = UUID.randomUUID().toString();
      assertThat(harness.deliver("issues", body, last).statusCode()).isEqualTo(202);
    }
    assertThat(harness.deliver("issues", body, last).statusCode()).isEqualTo(202); // duplicate
    assertThat(harness.deliver("ping", Payloads.bytes("ping")).statusCode()).isEqualTo(202);
    HttpResponse<String> forged =
        harness.post(
            body,
            Map.of(
                "Content-Type",
                "application/json",
                "X-GitHub-Event",
                "issues",
                "X-GitHub-Delivery",
                UUID.randomUUID().toString(),
                "X-Hub-Signature-256",
                "sha256=" + "0".repeat(64)));
    assertThat(forged.statusCode()).isEqualTo(401);
    byte[] broken = "{\"action\": ".getBytes(StandardCharsets.UTF_8);
    assertThat(harness.deliver("issues", broken).statusCode()).isEqualTo(400);
    byte[] huge = new byte[26 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    assertThat(harness.deliver("issues", huge).statusCode()).isEqualTo(413);

    PrometheusText after = scrape();
    assertThat(after.type(DELIVERIES)).isEqualTo("counter");
    assertThat(moved(before, after, "issues", "accepted")).isEqualTo(n);
    assertThat(moved(before, after, "issues", "duplicate")).isEqualTo(1);
    assertThat(moved(before, after, "ping", "accepted")).isEqualTo(1);
    assertThat(moved(before, after, "unverified", "rejected_401")).isEqualTo(1);
    assertThat(moved(before, after, "issues", "rejected_400")).isEqualTo(1);
    assertThat(moved(before, after, "unverified", "rejected_413")).isEqualTo(1);
    long series = after.samples().stream().filter(s -> s.name().equals(DELIVERIES)).count();
    assertThat(series).as("no other series appeared").isEqualTo(6);
    assertThat(after.value("agent_webhook_deliveries_recovered_total")).isZero();
    assertThat(after.type("agent_webhook_deliveries_recovered_total")).isEqualTo("counter");
  }

  private static double moved(
      PrometheusText before, PrometheusText after, String event, String outcome) {
    return after.value(DELIVERIES, "event", event, "outcome", outcome)
        - before.value(DELIVERIES, "event", event, "outcome", outcome);
  }

  @Test
  void queueRunsAndBreakersAreReadFromTheStoreAtEachScrape() {
    harness = ServerHarness.start(dir, Map.of());
    PrometheusText empty = scrape();
    for (String p : new String[] {"low", "normal", "high", "urgent"}) {
      assertThat(empty.value("agent_queue_depth", "priority", p)).isZero();
    }
    assertThat(empty.value("agent_breakers", "state", "OPEN")).isZero();
    assertThat(empty.has("agent_runs")).isFalse();

    Clock clock = Clock.systemUTC();
    try (Database db = Database.open("jdbc:sqlite:" + harness.database)) {
      SqliteRunStore runs = new SqliteRunStore(db);
      runs.create(QueuedRun.of("issue-triage", 7, NewRun.PRIORITY_HIGH), clock.instant());
      runs.create(QueuedRun.of("issue-triage", 7, NewRun.PRIORITY_HIGH), clock.instant());
      runs.create(QueuedRun.of("pr-summary", 8, NewRun.PRIORITY_NORMAL), clock.instant());
      MissionBreaker breaker = new MissionBreaker(new SqliteBreakerStore(db), clock);
      for (int i = 0; i < MissionBreaker.FAILURE_THRESHOLD; i++) {
        breaker.recordFailure("issue-triage", 7, true);
      }
    }

    PrometheusText t = scrape();
    assertThat(t.type("agent_queue_depth")).isEqualTo("gauge");
    assertThat(t.value("agent_queue_depth", "priority", "high")).isEqualTo(2);
    assertThat(t.value("agent_queue_depth", "priority", "normal")).isEqualTo(1);
    assertThat(t.value("agent_queue_depth", "priority", "low")).isZero();
    assertThat(t.value("agent_runs", "mission", "issue-triage", "status", "QUEUED")).isEqualTo(2);
    assertThat(t.value("agent_runs", "mission", "pr-summary", "status", "QUEUED")).isEqualTo(1);
    assertThat(
            t.value(
                "agent_breaker_state",
                "mission",
                "issue-triage",
                "installation_id",
                "7",
                "state",
                "OPEN"))
        .isEqualTo(1);
    assertThat(t.value("agent_breakers", "state", "OPEN")).isEqualTo(1);
    assertThat(t.value("agent_breakers", "state", "HALF_OPEN")).isZero();
  }

  @Test
  void theJvmBasicsAreThere() {
    harness = ServerHarness.start(dir, Map.of());
    PrometheusText t = scrape();
    assertThat(t.has("jvm_memory_used_bytes")).isTrue();
    assertThat(t.has("jvm_memory_max_bytes")).isTrue();
    assertThat(t.has("jvm_threads_live_threads")).isTrue();
    assertThat(t.value("jvm_threads_live_threads")).isPositive();
    assertThat(t.type("jvm_gc_memory_allocated_bytes_total")).isEqualTo("counter");
    assertThat(t.has("process_cpu_usage")).isTrue();
    assertThat(t.has("process_uptime_seconds")).isTrue();
  }
}
