package dev.orchestrator.health;

import static dev.orchestrator.health.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orchestrator.runtime.RunStatus;
import org.junit.jupiter.api.Test;

class RunStatsTest {
  private final RunStats s =
      stats(
          new RunGroup("triage", RunStatus.SUCCEEDED, false, 3, 3, 30.0, 300, 0.03),
          new RunGroup("triage", RunStatus.SUCCEEDED, true, 2, 2, 1000.0, 200, 0.02),
          new RunGroup("triage", RunStatus.EXPIRED, false, 1, 1, 86_400.0, 0, 0),
          new RunGroup("review", RunStatus.FAILED, false, 1, 1, 50.0, 1000, 0.10),
          new RunGroup("review", RunStatus.CANCELLED, false, 4, 0, 0, 0, 0));

  @Test
  void countsByStatusLeaveDryRunsOutAndListEveryTerminalStatus() {
    assertThat(s.finishedByStatus())
        .containsOnlyKeys(
            RunStatus.SUCCEEDED,
            RunStatus.FAILED,
            RunStatus.REJECTED,
            RunStatus.EXPIRED,
            RunStatus.CANCELLED)
        .containsEntry(RunStatus.SUCCEEDED, 3L)
        .containsEntry(RunStatus.REJECTED, 0L)
        .containsEntry(RunStatus.CANCELLED, 4L);
    assertThat(s.dryRuns()).isEqualTo(2);
  }

  @Test
  void averageDurationIsOverRunsThatRanToAnEndNotDryOrWaiting() {
    // (30 + 50) / 4: the dry runs and the EXPIRED run's approval wait are left out.
    assertThat(s.averageDurationSeconds()).hasValueSatisfying(v -> assertThat(v).isEqualTo(20.0));
  }

  @Test
  void costsByMissionKeepDryRunsBecauseTheyWerePaidFor() {
    assertThat(s.byMission()).containsOnlyKeys("review", "triage");
    MissionTotals triage = s.byMission().get("triage");
    assertThat(triage.runs()).isEqualTo(6);
    assertThat(triage.tokenUsage()).isEqualTo(500);
    assertThat(triage.costUsd()).isCloseTo(0.05, within(1e-9));
    assertThat(triage.averageDurationSeconds()).contains(10.0);
    assertThat(s.byMission().get("review").averageDurationSeconds()).contains(50.0);
    assertThat(s.totalRuns()).isEqualTo(11);
    assertThat(s.totalTokens()).isEqualTo(1500);
    assertThat(s.totalCostUsd()).isCloseTo(0.15, within(1e-9));
  }

  @Test
  void noAverageWithoutTimedRuns() {
    assertThat(stats().averageDurationSeconds()).isEmpty();
    assertThat(stats().byMission()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void costsAreSummedPerModelOverRunsThatUsedOne() {
    RunStats stats =
        new RunStats(
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH,
            java.util.List.of(
                new RunGroup(
                    "summary", RunStatus.SUCCEEDED, false, 2, 2, 4.0, 5000, 0.01, "gpt-4o-mini"),
                new RunGroup(
                    "summary", RunStatus.FAILED, false, 1, 1, 1.0, 1000, 0.002, "gpt-4o-mini"),
                new RunGroup("review", RunStatus.SUCCEEDED, true, 1, 1, 1.0, 700, 0.02, "gpt-4o"),
                new RunGroup("triage", RunStatus.SUCCEEDED, false, 9, 9, 9.0, 0, 0)));
    org.assertj.core.api.Assertions.assertThat(stats.byModel())
        .containsOnlyKeys("gpt-4o", "gpt-4o-mini");
    org.assertj.core.api.Assertions.assertThat(stats.byModel().get("gpt-4o-mini").tokenUsage())
        .isEqualTo(6000);
    org.assertj.core.api.Assertions.assertThat(stats.byModel().get("gpt-4o-mini").runs())
        .isEqualTo(3);
    org.assertj.core.api.Assertions.assertThat(stats.byModel().get("gpt-4o").costUsd())
        .isEqualTo(0.02);
  }
}
