package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orchestrator.health.MissionTotals;
import dev.orchestrator.health.RunStats;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.FixtureRun;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStatsTest {
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  static final Instant FROM = NOW.minus(Duration.ofHours(24));

  @TempDir Path dir;
  Database db;
  SqliteRunStats stats;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("stats.db"));
    stats = new SqliteRunStats(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void insert(FixtureRun run) {
    run.insert(db, NOW);
  }

  private void fixture() {
    Instant hourAgo = NOW.minus(Duration.ofHours(1));
    insert(FixtureRun.of("triage", RunStatus.SUCCEEDED).finished(hourAgo, 10).cost(100, 0.01));
    insert(FixtureRun.of("triage", RunStatus.SUCCEEDED).finished(hourAgo, 20).cost(300, 0.03));
    insert(FixtureRun.of("triage", RunStatus.FAILED).finished(hourAgo, 60).cost(50, 0.005));
    insert(FixtureRun.of("triage", RunStatus.SUCCEEDED).finished(hourAgo, 900).dryRun().cost(7, 1));
    insert(FixtureRun.of("review", RunStatus.EXPIRED).finished(hourAgo, 86_000));
    insert(FixtureRun.of("review", RunStatus.REJECTED).finished(hourAgo, 500));
    insert(FixtureRun.of("review", RunStatus.CANCELLED).finishedUnstarted(hourAgo));
    // On the window's edges: both ends are inside.
    insert(FixtureRun.of("review", RunStatus.SUCCEEDED).finished(FROM, 30).cost(1000, 0.2));
    insert(FixtureRun.of("review", RunStatus.FAILED).finished(NOW, 40));
    // Outside the window: a millisecond before it, a day before it, after it.
    insert(FixtureRun.of("triage", RunStatus.FAILED).finished(FROM.minusMillis(1), 5));
    insert(FixtureRun.of("triage", RunStatus.FAILED).finished(FROM.minus(Duration.ofDays(1)), 5));
    insert(FixtureRun.of("stale", RunStatus.SUCCEEDED).finished(NOW.plusSeconds(1), 5));
    // Not finished at all.
    insert(FixtureRun.of("triage", RunStatus.QUEUED));
    insert(FixtureRun.of("triage", RunStatus.QUEUED));
    insert(FixtureRun.of("review", RunStatus.RUNNING));
    insert(FixtureRun.of("review", RunStatus.BLOCKED));
  }

  @Test
  void countsRunsFinishedInTheWindowWithoutDryRuns() {
    fixture();
    RunStats s = stats.finishedBetween(FROM, NOW);
    assertThat(s.from()).isEqualTo(FROM);
    assertThat(s.to()).isEqualTo(NOW);
    assertThat(s.count(RunStatus.SUCCEEDED)).isEqualTo(3);
    assertThat(s.count(RunStatus.FAILED)).isEqualTo(2);
    assertThat(s.count(RunStatus.EXPIRED)).isEqualTo(1);
    assertThat(s.count(RunStatus.REJECTED)).isEqualTo(1);
    assertThat(s.count(RunStatus.CANCELLED)).isEqualTo(1);
    assertThat(s.dryRuns()).isEqualTo(1);
    // SUCCEEDED and FAILED, not dry: 10, 20, 60, 30, 40.
    assertThat(s.averageDurationSeconds()).hasValueSatisfying(v -> assertThat(v).isEqualTo(32.0));
  }

  @Test
  void totalsByMissionTypeIncludeDryRuns() {
    fixture();
    RunStats s = stats.finishedBetween(FROM, NOW);
    assertThat(s.byMission()).containsOnlyKeys("review", "triage");
    MissionTotals triage = s.byMission().get("triage");
    assertThat(triage.runs()).isEqualTo(4);
    assertThat(triage.tokenUsage()).isEqualTo(457);
    assertThat(triage.costUsd()).isCloseTo(1.045, within(1e-9));
    assertThat(triage.averageDurationSeconds()).contains(30.0);
    assertThat(s.byMission().get("review").runs()).isEqualTo(5);
    assertThat(s.totalTokens()).isEqualTo(1457);
    assertThat(s.totalCostUsd()).isCloseTo(1.245, within(1e-9));
  }

  @Test
  void activeCountsRunsNotFinished() {
    fixture();
    assertThat(stats.active())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(RunStatus.QUEUED, 2L, RunStatus.RUNNING, 1L, RunStatus.BLOCKED, 1L));
  }

  @Test
  void anEmptyStoreHasEmptyStats() {
    RunStats s = stats.finishedBetween(FROM, NOW);
    assertThat(s.groups()).isEmpty();
    assertThat(s.averageDurationSeconds()).isEmpty();
    assertThat(stats.active()).isEmpty();
  }

  @Test
  void theWindowQueryIsARangeOnTheFinishedAtIndex() {
    // Fast on a million rows means never scanning the table: the plan must search the index.
    List<String> plan =
        plan(SqliteRunStats.WINDOW, Timestamps.format(FROM), Timestamps.format(NOW));
    assertThat(plan).anySatisfy(step -> assertThat(step).contains("USING INDEX runs_finished"));
    assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN runs"));
    assertThat(plan(SqliteRunStats.ACTIVE))
        .anySatisfy(step -> assertThat(step).contains("USING COVERING INDEX runs_status"));
  }

  private List<String> plan(String sql, String... args) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < args.length; i++) {
              p.setString(i + 1, args[i]);
            }
            List<String> steps = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                steps.add(rs.getString("detail"));
              }
            }
            return steps;
          }
        });
  }
}
