package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.App;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.testing.FixtureRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  @TempDir Path dir;
  Cli cli;
  Instant now;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    now = cli.clock.instant();
  }

  /** 27 of 30 counted runs succeeded: DEGRADED (3 failures), plus uncounted ones. */
  private void degradedFixture() {
    try (Database db = cli.openDatabase()) {
      Instant t = now.minus(Duration.ofHours(2));
      for (int i = 0; i < 20; i++) {
        FixtureRun.of("issue-triage", RunStatus.SUCCEEDED)
            .finished(t, 4)
            .cost(100, 0.01)
            .insert(db, now);
      }
      for (int i = 0; i < 7; i++) {
        FixtureRun.of("review", RunStatus.SUCCEEDED).finished(t, 8).cost(1000, 0.1).insert(db, now);
      }
      FixtureRun.of("review", RunStatus.FAILED).finished(t, 8).insert(db, now);
      FixtureRun.of("review", RunStatus.FAILED).finished(t, 8).insert(db, now);
      FixtureRun.of("issue-triage", RunStatus.EXPIRED).finished(t, 86_400).insert(db, now);
      FixtureRun.of("review", RunStatus.CANCELLED).finishedUnstarted(t).insert(db, now);
      FixtureRun.of("review", RunStatus.FAILED).finished(t, 8).dryRun().insert(db, now);
      // Two days ago: outside the default window, inside a 72 h one.
      FixtureRun.of("review", RunStatus.FAILED)
          .finished(now.minus(Duration.ofDays(2)), 8)
          .insert(db, now);
      FixtureRun.of("review", RunStatus.QUEUED).insert(db, now);
      FixtureRun.of("review", RunStatus.QUEUED).insert(db, now);
      FixtureRun.of("review", RunStatus.BLOCKED).insert(db, now);
    }
  }

  private JsonNode json(Cli.Result r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void jsonCarriesEveryProductKey() throws Exception {
    degradedFixture();
    JsonNode j = json(cli.run("status", "--format", "json"));
    assertThat(j.has("health")).isTrue();
    for (String key :
        List.of(
            "health",
            "success_rate",
            "failures",
            "circuit_breaker",
            "queue_size",
            "queue_capacity",
            "costs",
            "rate_limit",
            "recommendations")) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.get("health").asText()).isEqualTo("DEGRADED");
    assertThat(j.get("success_rate").asDouble()).isEqualTo(0.9);
    assertThat(j.get("successes").asLong()).isEqualTo(27);
    assertThat(j.get("failures").asLong()).isEqualTo(3);
    assertThat(j.get("lookback_hours").asLong()).isEqualTo(24);
    assertThat(j.get("runs").get("CANCELLED").asLong()).isEqualTo(1);
    assertThat(j.get("runs").get("EXPIRED").asLong()).isEqualTo(1);
    assertThat(j.get("dry_runs").asLong()).isEqualTo(1);
    assertThat(j.get("average_duration_seconds").asDouble())
        .isEqualTo((20 * 4 + 9 * 8) / 29.0, org.assertj.core.api.Assertions.within(0.001));
    assertThat(j.get("queue_size").asLong()).isEqualTo(2);
    assertThat(j.get("queue_capacity").asLong()).isEqualTo(10_000);
    assertThat(j.get("active").get("BLOCKED").asLong()).isEqualTo(1);
    assertThat(j.get("rate_limit").isNull()).isTrue();
    assertThat(j.get("circuit_breaker").get("state").asText()).isEqualTo("CLOSED");
    assertThat(j.get("circuit_breaker").get("open")).isEmpty();
    JsonNode costs = j.get("costs");
    assertThat(costs.get("total").get("token_usage").asLong()).isEqualTo(9000);
    assertThat(costs.get("total").get("cost_usd").decimalValue()).isEqualByComparingTo("0.9");
    JsonNode review = costs.get("by_mission_type").get("review");
    assertThat(review.get("runs").asLong()).isEqualTo(11);
    assertThat(review.get("token_usage").asLong()).isEqualTo(7000);
    assertThat(costs.get("by_mission_type").get("issue-triage").get("runs").asLong()).isEqualTo(21);
    assertThat(j.get("recommendations")).isEmpty();
  }

  @Test
  void jsonShowsOpenBreakersAndRecommendations() throws Exception {
    degradedFixture();
    cli.env.put("QUEUE_CAPACITY_TOTAL", "2");
    try (App app = cli.app()) {
      for (int i = 0; i < 3; i++) {
        app.breaker().recordFailure("review", 42, true);
      }
    }
    JsonNode j = json(cli.run("status", "--format", "json"));
    JsonNode breaker = j.get("circuit_breaker");
    assertThat(breaker.get("state").asText()).isEqualTo("OPEN");
    assertThat(breaker.get("open").get(0).get("mission").asText()).isEqualTo("review");
    assertThat(breaker.get("open").get(0).get("installation_id").asLong()).isEqualTo(42);
    assertThat(breaker.get("open").get(0).get("half_opens_at").asText())
        .isEqualTo(now.plusSeconds(300).toString());
    List<String> sections = new ArrayList<>();
    j.get("recommendations").forEach(r -> sections.add(r.get("runbook").asText()));
    assertThat(sections)
        .containsExactly("docs/RUNBOOK.md#breaker-open", "docs/RUNBOOK.md#queue-full");
  }

  @Test
  void lookbackWidensTheWindow() throws Exception {
    degradedFixture();
    JsonNode j = json(cli.run("status", "--lookback-hours", "72", "--format", "json"));
    assertThat(j.get("failures").asLong()).isEqualTo(4);
    assertThat(j.get("lookback_hours").asLong()).isEqualTo(72);
  }

  @Test
  void anEmptyStoreIsUnknownAndSaysSo() throws Exception {
    JsonNode j = json(cli.run("status", "--format", "json"));
    assertThat(j.get("health").asText()).isEqualTo("UNKNOWN");
    assertThat(j.get("success_rate").isNull()).isTrue();
    assertThat(j.get("summary").asText()).isEqualTo("no run succeeded or failed in the last 24h");
    Cli.Result text = cli.run("status");
    assertThat(text.exit()).isZero();
    assertThat(text.out())
        .startsWith("health: UNKNOWN - no run succeeded or failed in the last 24h");
  }

  @Test
  void textReadsAsSentences() {
    degradedFixture();
    Cli.Result r = cli.run("status");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("health: DEGRADED - 27 of 30 runs succeeded (90.0 %) in the last 24h, 3 failed")
        .contains("queue: 2 of 10000 queued, 0 running, 1 blocked")
        .contains("circuit breakers: all closed")
        .contains("rate limit: unknown")
        .contains("  review: 11 runs, 7000 tokens, $0.7000, average 8.0 s")
        .contains("recommendations: none");
  }

  @Test
  void tableHasOneMetricPerLine() {
    degradedFixture();
    Cli.Result r = cli.run("status", "--format", "table");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines())
        .contains("METRIC            VALUE")
        .anyMatch(l -> l.matches("health\\s+DEGRADED"))
        .anyMatch(l -> l.matches("success_rate\\s+90\\.0 %"))
        .anyMatch(l -> l.matches("rate_limit\\s+unknown"))
        .anyMatch(l -> l.matches("review\\s+11\\s+7000\\s+0\\.7000\\s+8\\.0 s"));
  }

  @Test
  void failOnSetsTheExitCode() {
    degradedFixture();
    assertThat(cli.run("status", "--fail-on", "unhealthy").exit()).isZero();
    assertThat(cli.run("status", "--fail-on", "degraded").exit()).isEqualTo(1);
    assertThat(cli.run("status", "--fail-on", "DEGRADED", "--format", "json").exit()).isEqualTo(1);
  }

  @Test
  void unknownNeverFails() {
    assertThat(cli.run("status", "--fail-on", "degraded").exit()).isZero();
  }

  @Test
  void badUsageExitsTwo() {
    for (String[] args :
        List.of(
            new String[] {"status", "--format", "xml"},
            new String[] {"status", "--lookback-hours", "0"},
            new String[] {"status", "--lookback-hours", "-3"},
            new String[] {"status", "--lookback-hours", "many"},
            new String[] {"status", "--fail-on", "healthy"},
            new String[] {"status", "extra"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).as(String.join(" ", args)).isEmpty();
    }
    assertThat(cli.run("status", "--format", "xml").err())
        .contains("--format: expected text, table, json; found \"xml\"");
  }

  @Test
  void helpExitsZero() {
    Cli.Result r = cli.run("status", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--lookback-hours", "--format", "--fail-on", "Exit codes");
  }

  @Test
  void theDatabaseCanBeChosenInDotEnv() throws Exception {
    Path other = dir.resolve("other.db");
    cli.env.remove("DATABASE_URL");
    Files.writeString(dir.resolve(".env"), "DATABASE_URL=jdbc:sqlite:" + other + "\n");
    try (Database db = Database.open("jdbc:sqlite:" + other)) {
      FixtureRun.of("m", RunStatus.SUCCEEDED).finished(now, 1).insert(db, now);
    }
    assertThat(json(cli.run("status", "--format", "json")).get("health").asText())
        .isEqualTo("HEALTHY");
  }
}
